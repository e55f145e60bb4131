@starrocks @doc:fe
Feature: FE meta service
  FEs copy images and journals from each other over HTTP. These endpoints ask
  for no password but answer only clients whose address is a registered FE;
  anyone else gets 400 `invalid client host.` (MetaBaseAction.java).
  `/version` is the meta VERSION file, not the software version. `/dump` is the
  exception: no password and no host check. /info and /check no longer send the
  cluster id (MetaService.java @ 01330099c2; releases before it sent
  "clusterID" in /info and a cluster_id header in /check).

  The suite reaches the FE "from an FE host" by binding its side of the
  connection to an FE's address when that address is local (a cluster on this
  machine), and "from a host that is not an FE" by using another local address;
  where neither is possible the scenario is skipped.

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaBaseAction.java MetaBaseAction::execute @ 084f2a33a7
  @source-checked
  Scenario Outline: <path> refuses a client that is not an FE
    When I GET "<path>" on the FE from a host that is not an FE without credentials
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

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java InfoAction::executeGet, CheckAction::executeGet @ 01330099c2
  @source-checked
  Scenario: /info answers the image journal id, and /check the cluster token
    When I GET "/info" on the FE from an FE host without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is like '{"imageJournalId":{number}}'
    When I GET "/check" on the FE from an FE host without credentials
    Then the status is 200
    And the body is empty
    And the header "token" is not empty
    And the header "cluster_id" is absent

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java VersionAction::executeGet @ 01330099c2
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaBaseAction.java MetaBaseAction::writeFileResponse @ 084f2a33a7
  @source-checked
  Scenario: /version is the meta VERSION properties file with the cluster id and the token of /check
    Given I GET "/check" on the FE from an FE host without credentials
    And the status is 200
    And I noted the header "token" as "token"
    When I GET "/version" on the FE from an FE host without credentials
    Then the status is 200
    And the header "Content-Disposition" matches "^attachment"
    And the body has a line matching "^clusterId=\d+$"
    And the body has the line "token={token}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java ImageAction::executeGet @ 01330099c2
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaBaseAction.java MetaBaseAction::writeFileResponse @ 084f2a33a7
  @source-checked
  Scenario: /image sends the image named by /info's imageJournalId, its size in a header
    Given I GET "/info" on the FE from an FE host without credentials
    And the status is 200
    And I noted the JSON field "imageJournalId" as "seq"
    When I GET "/image?version={seq}" on the FE from an FE host without credentials
    Then the status is 200
    And the header "Content-Disposition" is "attachment; filename=image.{seq}"
    And the header "X-Image-Size" is the length of the body

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java ImageAction::executeGet @ 01330099c2
  @source-checked
  Scenario: /image needs a version
    When I GET "/image" on the FE from an FE host without credentials
    Then the status is 400
    And the body is "Miss version parameter"

  # The port is checked first, against SSRF, and its refusal has no body.
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java PutAction::executeGet @ 01330099c2
  @source-checked
  Scenario: /put needs a port, then a version, and the leader refuses to take an image
    When I GET "/put" on the FE from an FE host without credentials
    Then the status is 400
    And the body is empty
    When I GET "/put?port=9010" on the FE from an FE host without credentials
    Then the status is 400
    And the body is "Miss version parameter"
    Given the FE is the leader
    When I GET "/put?version=1&port=9010" on the FE from an FE host without credentials
    Then the status is 400
    And the body is "this node is master, reject image put"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java JournalIdAction::executeGet @ 01330099c2
  @source-checked
  Scenario: /journal_id answers the replayed journal id in the "id" header, and it grows with a load
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"
    And I GET "/journal_id" on the FE from an FE host without credentials
    And the status is 200
    And I noted the header "id" as "before"
    And the request header "column_separator" is ","
    When I stream load "1,a,10\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    When I GET "/journal_id" on the FE from an FE host without credentials
    Then the status is 200
    And the body is empty
    And the header "id" is a number greater than "{before}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java RoleAction::executeGet @ 01330099c2
  @source-checked
  Scenario: /role needs the host and port of a node
    When I GET "/role" on the FE from an FE host without credentials
    Then the status is 400
    And the body is "Miss parameter"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java RoleAction::executeGet @ 01330099c2
  @source-checked
  Scenario: /role answers UNKNOWN for a node that is not in the cluster
    When I GET "/role?host=192.0.2.1&port=9010" on the FE from an FE host without credentials
    Then the status is 200
    And the header "role" is "UNKNOWN"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java DumpAction @ 01330099c2 (needCheckClientIsFe false)
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaBaseAction.java MetaBaseAction::needPassword @ 084f2a33a7
  @source-checked
  Scenario: /dump dumps the metadata, for any client and without a password
    When I GET "/dump" on the FE without credentials
    Then the status is 200
    And the body starts with "dump finished. "
