@starrocks @catalog @doc:be
Feature: BE tablet endpoints
  The BE answers about the tablets it stores: their meta header, checksum,
  snapshots, compaction state, and repairs. Tablet ids come from the FE
  (/api/_migration), so the scenarios check that the two agree rather than
  expecting particular numbers (compaction_action.cpp, meta_action.cpp,
  checksum_action.cpp, snapshot_action.cpp, reload_tablet_action.cpp,
  restore_tablet_action.cpp).

  Background:
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT" in 2 buckets
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n2,b,20\n3,c,30\n"
    And I noted the tablets of "{db}.{t}" that _migration lists

  # --- compaction/show ---

  Scenario: compaction/show knows every tablet _migration lists, with its rowsets
    Then the BE shows the compaction state of every noted tablet

  Scenario: compaction/show lists the keys in a fixed order
    When I GET "/api/compaction/show?tablet_id={tablet}" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the JSON keys are "cumulative point, last cumulative failure time, last base failure time, last cumulative success time, last base success time, rowsets, stale version path"
    And every item of the JSON field "rowsets" matches "^\[\d+-\d+\] \d+ (DATA|DELETE) (NONOVERLAPPING|OVERLAPPING|OVERLAP_UNKNOWN)$"

  Scenario: A load adds a rowset to the tablets it writes
    Given I noted the newest rowset version of the tablet {tablet} as "before"
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n2,b,20\n3,c,30\n4,d,40\n5,e,50\n6,f,60\n"
    When I GET "/api/compaction/show?tablet_id={tablet}" on the BE without credentials
    Then the newest rowset version is greater than "{before}"

  Scenario: compaction/show without a tablet id
    When I GET "/api/compaction/show" on the BE without credentials
    Then the status is 200
    And the body is the text:
      """
      {
          "status": "Fail",
          "msg": "The overall compaction status is not supported yet"
      }
      """

  Scenario: compaction/show of a tablet the BE does not have
    When I GET "/api/compaction/show?tablet_id=999999999" on the BE without credentials
    Then the status is 200
    And the JSON field "status" is "Fail"

  # --- compact ---

  Scenario: compact refuses a tablet id that is not a number, a tablet it does not have, and an unknown type
    When I POST "/api/compact?tablet_id=abc&compaction_type=base" on the BE without credentials
    Then the status is 200
    And the JSON answer has:
      | status | Fail                         |
      | msg    | invalid argument.tablet_id:abc |
    When I POST "/api/compact?tablet_id=999999999&compaction_type=base" on the BE without credentials
    Then the JSON answer has:
      | status | Fail                         |
      | msg    | Not Found tablet:999999999   |
    When I POST "/api/compact?tablet_id={tablet}&compaction_type=olapspec" on the BE without credentials
    Then the JSON answer has:
      | status | Fail                              |
      | msg    | unsupport compaction type:olapspec |

  Scenario: A cumulative compaction merges the rowsets of several loads, keeping the newest version
    Given I stream loaded into "{db}.{t}" the CSV "4,d,40\n5,e,50\n6,f,60\n"
    And I stream loaded into "{db}.{t}" the CSV "7,g,70\n8,h,80\n9,i,90\n"
    And I noted the newest rowset version of the tablet {tablet} as "newest"
    When I POST "/api/compact?tablet_id={tablet}&compaction_type=cumulative" on the BE without credentials
    Then the status is 200
    And the body is the text:
      """
      {
          "status": "Success",
          "msg": "compaction task executed successful"
      }
      """
    When I GET "/api/compaction/show?tablet_id={tablet}" on the BE without credentials
    Then the newest rowset version is "{newest}"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 9 |

  # --- compaction repair ---

  Scenario: compaction/show_repair counts what it lists
    When I GET "/api/compaction/show_repair" on the BE without credentials
    Then the status is 200
    And the JSON keys are "need_to_repair, need_to_repair_num, executed_task, executed_task_num"
    And the JSON field "need_to_repair_num" is the length of the JSON field "need_to_repair"
    And the JSON field "executed_task_num" is the length of the JSON field "executed_task"

  Scenario: compaction/submit_repair without a tablet id answers an empty body
    When I PUT "/api/compaction/submit_repair" on the BE without credentials
    Then the status is 200
    And the body is empty

  Scenario: compaction/submit_repair of a tablet that needs no repair
    When I PUT "/api/compaction/submit_repair?tablet_id={tablet}" on the BE without credentials
    Then the status is 200
    And the body contains "tablet_id {tablet} not found in repair tablet list"

  # --- meta header ---

  # Registered as GET in http_service.cpp @305b57c1; the seed lists HEAD.
  Scenario: meta/header shows the tablet's meta, naming the tablet
    When I GET "/api/meta/header/{tablet}" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the JSON field "tablet_id" is the number {tablet}
    And the JSON field "schema_hash" is the number {schema_hash}

  Scenario: meta/header of a tablet the BE does not have is 500
    When I GET "/api/meta/header/999999999" on the BE without credentials
    Then the status is 500
    And the JSON field "status" is "Fail"

  # --- checksum, snapshot, reload, restore ---

  Scenario: checksum of a tablet version is a number
    Given I noted the newest rowset version of the tablet {tablet} as "rowset_version"
    When I GET "/api/checksum?tablet_id={tablet}&version={rowset_version}&schema_hash={schema_hash}" on the BE without credentials
    Then the status is 200
    And the body matches "^\d+\n?$"

  Scenario: checksum needs every parameter, as a number
    When I GET "/api/checksum?version=1&schema_hash=1" on the BE without credentials
    Then the status is 400
    And the body is "parameter tablet_id not specified in url."
    When I GET "/api/checksum?tablet_id=abc&version=1&schema_hash=1" on the BE without credentials
    Then the status is 400
    And the body starts with "param format is invalid: "

  Scenario: snapshot of a tablet answers the path of the snapshot
    When I GET "/api/snapshot?tablet_id={tablet}&schema_hash={schema_hash}" on the BE without credentials
    Then the status is 200
    And the body matches "^/\S+$"

  Scenario: snapshot needs the tablet id
    When I GET "/api/snapshot?schema_hash=1" on the BE without credentials
    Then the status is 400
    And the body is "parameter tablet_id not specified in url."

  Scenario: reload_tablet needs the tablet id
    When I GET "/api/reload_tablet?path=/tmp/olapspec&schema_hash=1" on the BE without credentials
    Then the status is 400
    And the body is "parameter tablet_id not specified in url."

  Scenario: restore_tablet needs the tablet id, and refuses a tablet that exists
    When I POST "/api/restore_tablet?schema_hash=1" on the BE without credentials
    Then the status is 500
    And the body is the text:
      """
      {
          "status": "Fail",
          "msg": "parameter tablet_id not specified in url."
      }
      """
    When I POST "/api/restore_tablet?tablet_id={tablet}&schema_hash={schema_hash}" on the BE without credentials
    Then the status is 500
    And the body is the text:
      """
      {
          "status": "Fail",
          "msg": "tablet already exists, can not restore."
      }
      """
