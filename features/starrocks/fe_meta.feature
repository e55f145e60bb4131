@starrocks @catalog @doc:fe
Feature: FE meta service
  FEs copy images and journals from each other over HTTP. These endpoints ask
  for no password but answer only clients whose address is a registered FE;
  anyone else gets 400 `invalid client host.` (MetaBaseAction.java).
  `/version` is the meta VERSION file, not the software version. `/dump` is the
  exception: no password and no host check.

  The suite reaches the FE "from an FE host" by binding its side of the
  connection to an FE's address when that address is local (a cluster on this
  machine), and "from a host that is not an FE" by using another local address;
  where neither is possible the scenario is skipped.

  Scenario Outline: <path> refuses a client that is not an FE
    When I GET "<path>" on the FE from a host that is not an FE
    Then the status is 400
    And the body is "invalid client host."

    Examples:
      | path                      |
      | /image?version=1          |
      | /info                     |
      | /version                  |
      | /put?version=1&port=9010  |
      | /journal_id               |
      | /check                    |
      | /role?host=h&port=9010    |

  Scenario: /info answers the cluster id and image sequence, and /check the same cluster id
    When I GET "/info" on the FE from an FE host
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body matches the template '{"clusterID":{number},"imageSeq":{number}{any}}'
    And I noted the JSON field "clusterID" as "cluster"
    When I GET "/check" on the FE from an FE host
    Then the status is 200
    And the body is empty
    And the header "cluster_id" is "{cluster}"
    And the header "token" is not empty

  Scenario: /version is the meta VERSION properties file with the cluster id and token of /check
    Given I noted the header "token" of GET "/check" from an FE host as "token"
    And I noted the header "cluster_id" of GET "/check" from an FE host as "cluster"
    When I GET "/version" on the FE from an FE host
    Then the status is 200
    And the header "Content-Disposition" matches "^attachment"
    And the body has a line "clusterId={cluster}"
    And the body has a line "token={token}"

  Scenario: /image sends the image named by /info's imageSeq, its size in a header
    Given I noted the JSON field "imageSeq" of GET "/info" from an FE host as "seq"
    When I GET "/image?version={seq}" on the FE from an FE host
    Then the status is 200
    And the header "Content-Disposition" is "attachment; filename=image.{seq}"
    And the header "X-Image-Size" is the length of the body

  Scenario: /image needs a version
    When I GET "/image" on the FE from an FE host
    Then the status is 400
    And the body is "Miss version parameter"

  Scenario: /put needs a version, and the leader refuses to take an image
    When I GET "/put" on the FE from an FE host
    Then the status is 400
    And the body is "Miss version parameter"
    Given the FE is the leader
    When I GET "/put?version=1&port=9010" on the FE from an FE host
    Then the status is 400
    And the body is "this node is master, reject image put"

  Scenario: /journal_id answers the replayed journal id in the "id" header, and it grows with a load
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"
    And I noted the header "id" of GET "/journal_id" from an FE host as "before"
    And the request header "column_separator" is ","
    When I stream load "1,a,10\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    When I GET "/journal_id" on the FE from an FE host
    Then the status is 200
    And the body is empty
    And the header "id" is a number greater than "{before}"

  Scenario: /role needs the host and port of a node
    When I GET "/role" on the FE from an FE host
    Then the status is 400
    And the body is "Miss parameter"

  Scenario: /role answers UNKNOWN for a node that is not in the cluster
    When I GET "/role?host=192.0.2.1&port=9010" on the FE from an FE host
    Then the status is 200
    And the header "role" is "UNKNOWN"

  Scenario: /dump dumps the metadata, for any client and without a password
    When I GET "/dump" on the FE without credentials
    Then the status is 200
    And the body starts with "dump finished. "
