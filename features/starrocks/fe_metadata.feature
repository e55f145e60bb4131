@starrocks @doc:fe
Feature: FE configuration and metadata endpoints
  Utilities for administrators: set FE configuration, show a table's DDL, its
  tablets and storage type, row counts, SHOW PROC over HTTP, and the FE's own
  state. Errors are HTTP 200 with the v1 envelope
  `{"status":"FAILED","code":"1","msg":…,"message":…}` unless stated
  (RestBaseAction.java: DdlException → 200).

  Background:
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT" in 3 buckets

  # --- /api/_set_config (SetConfigAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/SetConfigAction.java SetConfigAction::executeWithoutPassword @ 6537fe99f0
  @source-checked
  Scenario: _set_config sets a mutable FE configuration and reports it under "set"
    When I GET "/api/_set_config?label_keep_max_second=259200" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is '{"set":{"label_keep_max_second":"259200"},"err":{}}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/SetConfigAction.java SetConfigAction::executeWithoutPassword @ 6537fe99f0
  @source-checked
  Scenario: _set_config reports unknown and immutable keys under "err" with their values in brackets
    When I GET "/api/_set_config?olapspec_no_such_config=1&http_port=8031" on the FE
    Then the status is 200
    And the keys of the JSON body are "set, err"
    And the JSON answer has:
      | err.olapspec_no_such_config | [1]    |
      | err.http_port               | [8031] |
    And the JSON field "set" is an empty object

  # --- /api/_get_ddl (GetDdlStmtAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetDdlStmtAction.java GetDdlStmtAction::executeWithoutPassword @ 4f8a334e1c
  @source-checked
  Scenario: _get_ddl shows the CREATE TABLE statement that SHOW CREATE TABLE shows
    When I GET "/api/_get_ddl?db={db}&tbl={t}" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the keys of the JSON body are "TABLE, ROLLUP, PARTITION"
    And the JSON field "ROLLUP" is an empty array
    And the JSON field "PARTITION" is an empty array
    And I noted column 2 of the MySQL query "SHOW CREATE TABLE {db}.{t}" as "mysql_value"
    And the JSON field "TABLE.0" is "{mysql_value}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetDdlStmtAction.java GetDdlStmtAction::executeWithoutPassword @ 4f8a334e1c
  @source-checked
  Scenario: _get_ddl needs both the database and the table
    When I GET "/api/_get_ddl?db={db}" on the FE
    Then the FE answers 200 with the FAILED envelope "Missing params. Need database name and Table name"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetDdlStmtAction.java GetDdlStmtAction::executeWithoutPassword @ 4f8a334e1c
  @source-checked
  Scenario: _get_ddl names an unknown database
    When I GET "/api/_get_ddl?db={nosuchdb}&tbl={t}" on the FE
    Then the FE answers 200 with the FAILED envelope "Database[{nosuchdb}] does not exist"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetDdlStmtAction.java GetDdlStmtAction::executeWithoutPassword @ 4f8a334e1c
  @source-checked
  Scenario: _get_ddl names an unknown table
    When I GET "/api/_get_ddl?db={db}&tbl={nosuch}" on the FE
    Then the FE answers 200 with the FAILED envelope "Table[{nosuch}] does not exist"

  # --- /api/_migration (MigrationAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MigrationAction.java MigrationAction::executeWithoutPassword @ 1ac65f25ac
  @source-checked
  Scenario: _migration lists one row per tablet: table, partition, tablet id, schema hash, backend id
    When I GET "/api/_migration?db={db}&tbl={t}" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the answer lists 3 tablets of the table "{t}" sorted by tablet id
    And every backend id in the answer is a BackendId of SHOW BACKENDS

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MigrationAction.java MigrationAction::executeWithoutPassword @ 1ac65f25ac
  @source-checked
  Scenario: _migration without a table lists the tablets of every table of the database
    Given a StarRocks table "{db}.{t2}" with the columns "k INT" in 2 buckets
    When I GET "/api/_migration?db={db}" on the FE
    Then the status is 200
    And the answer lists 5 tablets
    And the answer lists 2 tablets of the table "{t2}" sorted by tablet id

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MigrationAction.java MigrationAction::executeWithoutPassword @ 1ac65f25ac
  @source-checked
  Scenario: _migration needs the database
    When I GET "/api/_migration" on the FE
    Then the FE answers 200 with the FAILED envelope "Missing params. Need database name"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MigrationAction.java MigrationAction::executeWithoutPassword @ 1ac65f25ac
  @source-checked
  Scenario: _migration names an unknown database and an unknown table
    When I GET "/api/_migration?db={nosuchdb}" on the FE
    Then the FE answers 200 with the FAILED envelope "Database[{nosuchdb}] does not exist"
    When I GET "/api/_migration?db={db}&tbl={nosuch}" on the FE
    Then the FE answers 200 with the FAILED envelope "Table[{nosuch}] does not exist"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MigrationAction.java MigrationAction::executeWithoutPassword @ 1ac65f25ac
  @source-checked
  Scenario: _migration refuses a table that is not an OLAP table
    Given I ran over MySQL "CREATE VIEW {db}.{v} AS SELECT id FROM {db}.{t}"
    When I GET "/api/_migration?db={db}&tbl={v}" on the FE
    Then the FE answers 200 with the FAILED envelope "Table[{v}] is not OlapTable"

  # --- /api/_check_storagetype (StorageTypeCheckAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/StorageTypeCheckAction.java StorageTypeCheckAction::executeWithoutPassword @ 60751a2b8b
  @source-checked
  Scenario: _check_storagetype lists every OLAP table with the indexes stored as rows (none here)
    When I GET "/api/_check_storagetype?db={db}" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is '{"{t}":{}}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/StorageTypeCheckAction.java StorageTypeCheckAction::executeWithoutPassword @ 60751a2b8b
  @source-checked
  Scenario: _check_storagetype needs an existing database
    When I GET "/api/_check_storagetype" on the FE
    Then the FE answers 200 with the FAILED envelope "Parameter db is missing"
    When I GET "/api/_check_storagetype?db={nosuchdb}" on the FE
    Then the FE answers 200 with the FAILED envelope "Database {nosuchdb} does not exist"

  # --- /api/rowcount (RowCountAction.java): the parameter is "table", not "tbl" ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RowCountAction.java RowCountAction::executeWithoutPassword @ a8f955f754
  @source-checked
  Scenario: rowcount recounts the rows of each index of a table
    Given I stream loaded into "{db}.{t}" the CSV "1,a,10\n2,b,20\n3,c,30\n"
    When I GET "/api/rowcount?db={db}&table={t}" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is '{"{t}":3}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RowCountAction.java RowCountAction::executeWithoutPassword @ a8f955f754
  @source-checked
  Scenario: rowcount needs the database and the table, and both must exist
    When I GET "/api/rowcount" on the FE
    Then the FE answers 200 with the FAILED envelope "No database selected."
    When I GET "/api/rowcount?db={db}" on the FE
    Then the FE answers 200 with the FAILED envelope "No table selected."
    When I GET "/api/rowcount?db={nosuchdb}&table={t}" on the FE
    Then the FE answers 200 with the FAILED envelope "Database[{nosuchdb}] does not exist"
    When I GET "/api/rowcount?db={db}&table={nosuch}" on the FE
    Then the FE answers 200 with the FAILED envelope "Table[{nosuch}] does not exist"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RowCountAction.java RowCountAction::executeWithoutPassword @ a8f955f754
  @source-checked
  Scenario: rowcount refuses a view
    Given I ran over MySQL "CREATE VIEW {db}.{v} AS SELECT id FROM {db}.{t}"
    When I GET "/api/rowcount?db={db}&table={v}" on the FE
    Then the FE answers 200 with the FAILED envelope "Table[{v}] is not OLAP table"

  # --- /api/show_proc (ShowProcAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowProcAction.java ShowProcAction::executeWithoutPassword @ 91f77cc2bd
  @source-checked
  Scenario: show_proc runs SHOW PROC and answers its rows as JSON objects
    When I GET "/api/show_proc?path=/dbs" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is a JSON array of objects, one of which has "DbName" = "{db}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowProcAction.java ShowProcAction::executeWithoutPassword @ 91f77cc2bd
  @source-checked
  Scenario: show_proc answers an empty array for a path SHOW PROC does not know
    When I GET "/api/show_proc?path=/olapspec_no_such_proc" on the FE
    Then the status is 200
    And the body is "[]"

  # --- /api/show_meta_info (ShowMetaInfoAction.java): no authentication unless enable_http_auth ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowMetaInfoAction.java ShowMetaInfoAction::executeWithoutPassword @ 00dc7bd07b
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowMetaInfoAction.java ShowMetaInfoAction::getHaInfo @ 00dc7bd07b
  @source-checked
  Scenario: show_meta_info SHOW_HA describes the FE's role and journal, every value a string
    When I GET "/api/show_meta_info?action=SHOW_HA" on the FE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the set of keys of the JSON body is "can_read, role, is_ready, electable_nodes, last_checkpoint_version, last_checkpoint_time, current_journal_id, observer_nodes, master"
    And every JSON field is a string
    And the JSON field "role" is one of "LEADER, FOLLOWER, OBSERVER"
    And the JSON field "current_journal_id" is a decimal string

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowMetaInfoAction.java ShowMetaInfoAction::executeWithoutPassword @ 00dc7bd07b
  @source-checked
  Scenario: show_meta_info takes the action in any letter case
    When I GET "/api/show_meta_info?action=show_ha" on the FE without credentials
    Then the status is 200
    And the JSON field "role" is one of "LEADER, FOLLOWER, OBSERVER"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowMetaInfoAction.java ShowMetaInfoAction::getDataSize @ 00dc7bd07b
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowDataAction.java ShowDataAction::getDataSizeOfDatabase @ 0160d4fbed
  @source-checked
  Scenario: show_meta_info SHOW_DB_SIZE lists each database with its size in bytes, as show_data does
    Given I stream loaded into "{db}.{t}" the CSV "1,a,10\n"
    When I GET "/api/show_meta_info?action=SHOW_DB_SIZE" on the FE without credentials
    Then the status is 200
    And the JSON field "{db}" is a number
    And I noted the JSON field "{db}" as "size"
    When I GET "/api/show_data?db={db}" on the FE without credentials
    Then the status is 200
    And the body is "{size}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowMetaInfoAction.java ShowMetaInfoAction::executeWithoutPassword @ 00dc7bd07b
  @source-checked
  Scenario: show_meta_info answers 400 to an unknown action
    When I GET "/api/show_meta_info?action=OLAPSPEC" on the FE without credentials
    Then the status is 400
    And the header "Content-Type" is "text/html"
    And the body is "Invalid parameter"

  # Older versions dereferenced the missing parameter and answered 500.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowMetaInfoAction.java ShowMetaInfoAction::executeWithoutPassword @ 00dc7bd07b
  @source-checked
  Scenario: show_meta_info answers 400 without an action
    When I GET "/api/show_meta_info" on the FE without credentials
    Then the status is 400
    And the body is "Missing parameter"

  # --- /api/show_runtime_info (ShowRuntimeInfoAction.java): no authentication ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowRuntimeInfoAction.java ShowRuntimeInfoAction::execute @ 56dbd66c3c
  @source-checked
  Scenario: show_runtime_info reports the FE's memory and threads as decimal strings
    When I GET "/api/show_runtime_info" on the FE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the set of keys of the JSON body is "free_mem, total_mem, thread_cnt, max_mem"
    And every JSON field is a decimal string

  # --- /api/_meta_replay_state (MetaReplayerCheckAction.java); its keys are not in the catalog ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MetaReplayerCheckAction.java MetaReplayerCheckAction::executeWithoutPassword @ 6537fe99f0
  @source-checked
  Scenario: _meta_replay_state answers a JSON object
    When I GET "/api/_meta_replay_state" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the JSON body is an object

  # --- /api/check_decommission (CheckDecommissionAction.java): it drives a decommission, so only its refusal is run ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/CheckDecommissionAction.java CheckDecommissionAction::executeWithoutPassword @ 9c4caa1e96
  @source-checked
  Scenario: check_decommission needs the host:port list
    When I GET "/api/check_decommission" on the FE
    Then the FE answers 200 with the FAILED envelope "No host:port specified."
