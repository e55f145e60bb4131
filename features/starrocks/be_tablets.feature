@starrocks @doc:be
Feature: BE tablet endpoints
  The BE answers about the tablets it stores: their meta header, checksum,
  snapshots, compaction state, and repairs. Tablet ids come from the FE
  (/api/_migration), so the scenarios check that the two agree rather than
  expecting particular numbers (be/src/http/service/action/: compaction_action.cpp,
  meta_action.cpp, checksum_action.cpp, snapshot_action.cpp,
  reload_tablet_action.cpp, restore_tablet_action.cpp; storage/tablet.cpp).

  Background:
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT" in 2 buckets
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n2,b,20\n3,c,30\n"
    And I noted the tablets of "{db}.{t}" that _migration lists

  # --- compaction/show ---

  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_show_compaction @ f65fb0ab28
  # source: be/src/storage/tablet.cpp Tablet::get_compaction_status @ b591a1e5db
  @source-checked
  Scenario: compaction/show knows every tablet _migration lists, with its rowsets
    Then the BE shows the compaction state of every noted tablet

  # Releases before it wrote "cumulative point", "rowsets" as "[0-1] 1 DATA NONOVERLAPPING" strings, … (spaces in keys).
  # source: be/src/storage/tablet.cpp Tablet::get_compaction_status @ b591a1e5db
  @source-checked
  Scenario: compaction/show lists the keys in a fixed order, each rowset as an object
    When I GET "/api/compaction/show?tablet_id={tablet}" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the keys of the JSON body are "compaction_detail, cumulative_point, last_cumulative_failure_time, last_base_failure_time, last_cumulative_success_time, last_base_success_time, rowsets_count, rowset_details, stale_version_path"
    And the JSON field "compaction_detail.compaction_status" is one of "RUNNING, NO_RUNNING_TASK"
    And the JSON field "rowsets_count" is the length of the JSON field "rowset_details"
    And the keys of every item of the JSON field "rowset_details" are "rowset_id, version, num_segments, type, overlap, rowset_size"

  # source: be/src/storage/tablet.cpp Tablet::get_compaction_status @ b591a1e5db
  @source-checked
  Scenario: A load adds a rowset to the tablets it writes
    Given I GET "/api/compaction/show?tablet_id={tablet}" on the BE without credentials
    And the status is 200
    And I noted the newest rowset version as "before"
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n2,b,20\n3,c,30\n4,d,40\n5,e,50\n6,f,60\n"
    When I GET "/api/compaction/show?tablet_id={tablet}" on the BE without credentials
    Then the newest rowset version is a number greater than "{before}"

  # Releases before it answered "The overall compaction status is not supported yet".
  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_show_compaction @ f65fb0ab28
  # source: be/src/base/json/json_util.cpp to_json @ 6b3e681e4d
  @source-checked
  Scenario: compaction/show without a tablet id
    When I GET "/api/compaction/show" on the BE without credentials
    Then the status is 200
    And the body is the text:
      """
      {
          "status": "Fail",
          "msg": "The argument 'tablet_id' is required."
      }
      """

  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_show_compaction @ f65fb0ab28
  @source-checked
  Scenario: compaction/show of a tablet the BE does not have
    When I GET "/api/compaction/show?tablet_id=999999999" on the BE without credentials
    Then the status is 200
    And the JSON field "status" is "Fail"

  # --- compact ---

  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_compaction @ f65fb0ab28
  # source: be/src/storage/manual_compaction.cpp run_manual_compaction @ 2b67f44571
  @source-checked
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

  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_compaction @ f65fb0ab28
  # source: be/src/storage/manual_compaction.cpp run_manual_compaction @ 2b67f44571
  @source-checked
  Scenario: A cumulative compaction merges the rowsets of several loads, keeping the newest version
    Given I stream loaded into "{db}.{t}" the CSV "4,d,40\n5,e,50\n6,f,60\n"
    And I stream loaded into "{db}.{t}" the CSV "7,g,70\n8,h,80\n9,i,90\n"
    And I GET "/api/compaction/show?tablet_id={tablet}" on the BE without credentials
    And the status is 200
    And I noted the newest rowset version as "newest"
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

  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_show_repairs @ f65fb0ab28
  @source-checked
  Scenario: compaction/show_repair counts what it lists
    When I GET "/api/compaction/show_repair" on the BE without credentials
    Then the status is 200
    And the keys of the JSON body are "need_to_repair, need_to_repair_num, executed_task, executed_task_num"
    And the JSON field "need_to_repair_num" is the length of the JSON field "need_to_repair"
    And the JSON field "executed_task_num" is the length of the JSON field "executed_task"

  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_submit_repairs @ f65fb0ab28
  @source-checked
  Scenario: compaction/submit_repair without a tablet id answers an empty body
    When I PUT "/api/compaction/submit_repair" on the BE without credentials
    Then the status is 200
    And the body is empty

  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_submit_repairs @ f65fb0ab28
  @source-checked
  Scenario: compaction/submit_repair of a tablet that needs no repair
    When I PUT "/api/compaction/submit_repair?tablet_id={tablet}" on the BE without credentials
    Then the status is 200
    And the body contains "tablet_id {tablet} not found in repair tablet list"

  # --- meta header ---

  # Registered for GET only; the seed lists HEAD.
  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 061d464c2d
  # source: be/src/http/service/action/meta_action.cpp MetaAction::handle @ f65fb0ab28
  @source-checked
  Scenario: meta/header shows the tablet's meta, naming the tablet
    When I GET "/api/meta/header/{tablet}" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the JSON field "tablet_id" is "{tablet}"
    And the JSON field "schema_hash" is "{schema_hash}"

  # source: be/src/http/service/action/meta_action.cpp MetaAction::handle @ f65fb0ab28
  @source-checked
  Scenario: meta/header of a tablet the BE does not have is 500
    When I GET "/api/meta/header/999999999" on the BE without credentials
    Then the status is 500
    And the JSON field "status" is "Fail"

  # --- checksum, snapshot, reload, restore ---

  # source: be/src/http/service/action/checksum_action.cpp ChecksumAction::handle @ 1952c877e4
  @source-checked
  Scenario: checksum of a tablet version is a number
    Given I GET "/api/compaction/show?tablet_id={tablet}" on the BE without credentials
    And the status is 200
    And I noted the newest rowset version as "rowset_version"
    When I GET "/api/checksum?tablet_id={tablet}&version={rowset_version}&schema_hash={schema_hash}" on the BE without credentials
    Then the status is 200
    And the body matches "^\d+\n?$"

  # source: be/src/http/service/action/checksum_action.cpp ChecksumAction::handle @ 1952c877e4
  @source-checked
  Scenario: checksum needs every parameter, as a number
    When I GET "/api/checksum?version=1&schema_hash=1" on the BE without credentials
    Then the status is 400
    And the body is "parameter tablet_id not specified in url."
    When I GET "/api/checksum?tablet_id=abc&version=1&schema_hash=1" on the BE without credentials
    Then the status is 400
    And the body starts with "param format is invalid: "

  # source: be/src/http/service/action/snapshot_action.cpp SnapshotAction::handle @ 1952c877e4
  @source-checked
  Scenario: snapshot of a tablet answers the path of the snapshot
    When I GET "/api/snapshot?tablet_id={tablet}&schema_hash={schema_hash}" on the BE without credentials
    Then the status is 200
    And the body matches "^/\S+$"

  # source: be/src/http/service/action/snapshot_action.cpp SnapshotAction::handle @ 1952c877e4
  @source-checked
  Scenario: snapshot needs the tablet id
    When I GET "/api/snapshot?schema_hash=1" on the BE without credentials
    Then the status is 400
    And the body is "parameter tablet_id not specified in url."

  # source: be/src/http/service/action/reload_tablet_action.cpp ReloadTabletAction::handle @ 1952c877e4
  @source-checked
  Scenario: reload_tablet needs the tablet id
    When I GET "/api/reload_tablet?path=/tmp/olapspec&schema_hash=1" on the BE without credentials
    Then the status is 400
    And the body is "parameter tablet_id not specified in url."

  # source: be/src/http/service/action/restore_tablet_action.cpp RestoreTabletAction::_handle @ 885822e6c7
  @source-checked
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
