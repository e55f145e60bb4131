@starrocks @doc:fe
Feature: FE health, logs, queries and runtime information
  Health and runtime endpoints need no credentials; profiles, query details and
  query dumps need a valid user, log files the SYSTEM OPERATE privilege.
  Several of these actions answer plain text with a real HTTP status (400, 404)
  instead of the v1 envelope.

  # --- /api/health (HealthAction.java): RestResult, so no code/message ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/HealthAction.java HealthAction::execute @ 06603b4146
  @source-checked
  Scenario: /api/health counts the BEs and needs no credentials
    When I GET "/api/health" on the FE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is like '{"online_backend_num":{number},"total_backend_num":{number},"status":"OK"}'
    And the JSON field "total_backend_num" is the number of BEs of the cluster
    And the JSON field "online_backend_num" is the number of BEs of the cluster

  # --- /api/get_log_file (GetLogFileAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLogFileAction.java GetLogFileAction::executeWithoutPassword @ 039e00c8bf
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLogFileAction.java GetLogFileAction::getFileInfos @ 039e00c8bf
  @source-checked
  Scenario: HEAD get_log_file lists the audit log files and their sizes in the file_infos header
    Given I ran over MySQL "SELECT 1"
    When I HEAD "/api/get_log_file?type=fe.audit.log" on the FE
    Then the status is 200
    And the body is empty
    And the header "file_infos" is a JSON object of file names starting with "fe.audit.log" and sizes

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLogFileAction.java GetLogFileAction::executeWithoutPassword @ 039e00c8bf
  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::writeObjectResponse @ 0178d9be75
  @source-checked
  Scenario: GET get_log_file sends a listed file as an attachment
    Given I ran over MySQL "SELECT 1"
    And I noted the first file listed by HEAD "/api/get_log_file?type=fe.audit.log" as "file"
    When I GET "/api/get_log_file?type=fe.audit.log&file={file}" on the FE
    Then the status is 200
    And the header "Content-Type" is "application/octet-stream"
    And the header "Content-Disposition" is "attachment; filename={file}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLogFileAction.java GetLogFileAction::executeWithoutPassword @ 039e00c8bf
  @source-checked
  Scenario: get_log_file needs a type
    When I HEAD "/api/get_log_file" on the FE
    Then the status is 400
    When I GET "/api/get_log_file" on the FE
    Then the status is 400
    And the body is "Miss type parameter"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLogFileAction.java GetLogFileAction::executeWithoutPassword @ 039e00c8bf
  @source-checked
  Scenario: get_log_file refuses a type it does not know
    When I GET "/api/get_log_file?type=olapspec" on the FE
    Then the status is 400
    And the body is "log type: olapspec is invalid!"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLogFileAction.java GetLogFileAction::executeWithoutPassword @ 039e00c8bf
  @source-checked
  Scenario: get_log_file answers 404 for a file that does not exist
    When I GET "/api/get_log_file?type=fe.audit.log&file=fe.audit.log.olapspec" on the FE
    Then the status is 404
    And the body is "Log file not exist: fe.audit.log.olapspec"

  # --- /api/get_small_file (GetSmallFileAction.java): the cluster token instead of Basic auth ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetSmallFileAction.java GetSmallFileAction::executeWithoutPassword @ 09f7e97412
  @source-checked
  Scenario: get_small_file needs a token and a file id
    When I GET "/api/get_small_file" on the FE without credentials
    Then the status is 400
    And the body is "Missing parameter"
    When I GET "/api/get_small_file?token=x" on the FE without credentials
    Then the status is 400
    And the body is "Missing parameter"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetSmallFileAction.java GetSmallFileAction::executeWithoutPassword @ 09f7e97412
  @source-checked
  Scenario: get_small_file refuses a wrong token
    When I GET "/api/get_small_file?token=olapspec-wrong-token&file_id=1" on the FE without credentials
    Then the status is 400
    And the body is "Invalid token"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetSmallFileAction.java GetSmallFileAction::executeWithoutPassword @ 09f7e97412
  @source-checked
  Scenario: get_small_file with the cluster token checks the file id
    Given I GET "/check" on the FE from an FE host without credentials
    And the status is 200
    And I noted the header "token" as "token"
    When I GET "/api/get_small_file?token={token}&file_id=abc" on the FE without credentials
    Then the status is 400
    And the body is "Invalid file id format: abc"
    When I GET "/api/get_small_file?token={token}&file_id=999999999" on the FE without credentials
    Then the status is 400
    And the body is "File not found or is not content"

  # --- /api/profile (ProfileAction.java, v1): Basic credentials since it no longer overrides execute(), plain text ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ProfileAction.java ProfileAction::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: profile needs a query id
    When I GET "/api/profile" on the FE
    Then the status is 400
    And the body is "not valid parameter"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ProfileAction.java ProfileAction::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: profile answers 404 for a query it does not know
    When I GET "/api/profile?query_id=olapspec-no-such-id" on the FE
    Then the status is 404
    And the body is "query id olapspec-no-such-id not found."

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ProfileAction.java ProfileAction::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: profile shows the profile of a query that ran with profiling on
    Given I ran over MySQL "SET enable_profile = true"
    And I ran over MySQL "SELECT 1"
    And I noted column 1 of the MySQL query "SELECT last_query_id()" as "qid"
    When I GET "/api/profile?query_id={qid}" on the FE until it answers 200
    Then the body contains "{qid}"

  # --- /api/query_detail (QueryDetailAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/QueryDetailAction.java QueryDetailAction::executeWithoutPassword @ 09f7e97412
  @source-checked
  Scenario: query_detail lists the queries after a time, fields in declaration order
    Given I GET "/api/_set_config?enable_collect_query_detail_info=true" on the FE
    And I ran over MySQL "SELECT 'olapspec-{t}'"
    When I GET "/api/query_detail?event_time=0" on the FE
    Then the status is 200
    And the body is a JSON array of objects, one of which has "sql" = "SELECT 'olapspec-{t}'"
    And that object lists its keys in the order "eventTime, queryId, isQuery, remoteIP, connId, startTime, endTime, latency, state, database, sql, user"
    And that object has "state" = "FINISHED"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/QueryDetailAction.java QueryDetailAction::executeWithoutPassword @ 09f7e97412
  @source-checked
  Scenario: query_detail needs event_time
    When I GET "/api/query_detail" on the FE
    Then the status is 400
    And the body is "not valid parameter"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/QueryDetailAction.java QueryDetailAction::executeWithoutPassword @ 09f7e97412
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseAction.java RestBaseAction::handleRequest @ f1d96ccd19
  @source-checked
  Scenario: query_detail with a non-numeric event_time is an internal error
    When I GET "/api/query_detail?event_time=abc" on the FE
    Then the status is 500

  # --- /api/connection (ConnectionAction.java): no authentication ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ConnectionAction.java ConnectionAction::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: connection needs a connection id
    When I GET "/api/connection" on the FE without credentials
    Then the status is 400
    And the body is "not valid parameter"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ConnectionAction.java ConnectionAction::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: connection answers 404 for a connection it does not know
    When I GET "/api/connection?connection_id=999999999" on the FE without credentials
    Then the status is 404
    And the body is "connection id 999999999 not found."

  # --- /api/show_data (ShowDataAction.java): no authentication, a bare number ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowDataAction.java ShowDataAction::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: show_data answers the size of all databases as a bare number
    When I GET "/api/show_data" on the FE without credentials
    Then the status is 200
    And the body matches "^\d+$"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowDataAction.java ShowDataAction::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: show_data answers 404 for an unknown database
    When I GET "/api/show_data?db={nosuchdb}" on the FE without credentials
    Then the status is 404
    And the body is "database {nosuchdb} not found."

  # --- /api/query_dump (QueryDumpAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/QueryDumpAction.java QueryDumpAction::executeWithoutPassword @ 161fd09e76
  @source-checked
  Scenario: query_dump dumps the plan context of the SQL in the body
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20)"
    When I POST "/api/query_dump?db={db}" on the FE with the body "select id, name from {t} where id > 1"
    Then the status is 200
    And the JSON body is an object
    And the JSON field "statement" is present
    And the JSON field "table_meta" is present
    And the JSON field "table_row_count" is present
    And the JSON field "session_variables" is present
    And the JSON field "column_statistics" is present

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/QueryDumpAction.java QueryDumpAction::executeWithoutPassword @ 161fd09e76
  @source-checked
  Scenario: query_dump answers 404 for an unknown database
    When I POST "/api/query_dump?db={nosuchdb}" on the FE with the body "select 1"
    Then the status is 404
    And the body is "Database [{nosuchdb}] does not exists"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/QueryDumpAction.java QueryDumpAction::executeWithoutPassword @ 161fd09e76
  @source-checked
  Scenario: query_dump needs a statement
    Given a StarRocks database "{db}"
    When I POST "/api/query_dump?db={db}" on the FE with the body ""
    Then the status is 400
    And the body is "not valid parameter"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/QueryDumpAction.java QueryDumpAction::executeWithoutPassword @ 161fd09e76
  @source-checked
  Scenario: query_dump reports a statement that does not run
    Given a StarRocks database "{db}"
    When I POST "/api/query_dump?db={db}" on the FE with the body "select * from {nosuch}"
    Then the status is 400
    And the body starts with "execute query failed. "
