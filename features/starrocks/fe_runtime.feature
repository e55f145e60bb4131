@starrocks @catalog @doc:fe
Feature: FE health, logs, queries and runtime information
  Health and runtime endpoints need no credentials; log files and query dumps
  need a valid user. Several of these actions answer plain text with a real
  HTTP status (400, 404) instead of the v1 envelope.

  # --- /api/health (HealthAction.java): RestResult, so no code/message ---

  Scenario: /api/health counts the BEs and needs no credentials
    When I GET "/api/health" on the FE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body matches the template '{"online_backend_num":{number},"total_backend_num":{number},"status":"OK"}'
    And the JSON field "total_backend_num" is the number of BEs of the cluster
    And the JSON field "online_backend_num" is the number of BEs of the cluster

  # --- /api/get_log_file (GetLogFileAction.java) ---

  Scenario: HEAD get_log_file lists the audit log files and their sizes in the file_infos header
    Given I ran over MySQL "SELECT 1"
    When I HEAD "/api/get_log_file?type=fe.audit.log" on the FE
    Then the status is 200
    And the body is empty
    And the header "file_infos" is a JSON object of file names starting with "fe.audit.log" and sizes

  Scenario: GET get_log_file sends a listed file as an attachment
    Given I ran over MySQL "SELECT 1"
    And I noted the first file listed by HEAD "/api/get_log_file?type=fe.audit.log" as "file"
    When I GET "/api/get_log_file?type=fe.audit.log&file={file}" on the FE
    Then the status is 200
    And the header "Content-Type" is "application/octet-stream"
    And the header "Content-Disposition" is "attachment; filename={file}"

  Scenario: get_log_file needs a type
    When I HEAD "/api/get_log_file" on the FE
    Then the status is 400
    When I GET "/api/get_log_file" on the FE
    Then the status is 400
    And the body is "Miss type parameter"

  Scenario: get_log_file refuses a type it does not know
    When I GET "/api/get_log_file?type=olapspec" on the FE
    Then the status is 400
    And the body is "log type: olapspec is invalid!"

  Scenario: get_log_file answers 404 for a file that does not exist
    When I GET "/api/get_log_file?type=fe.audit.log&file=fe.audit.log.olapspec" on the FE
    Then the status is 404
    And the body is "Log file not exist: fe.audit.log.olapspec"

  # --- /api/get_small_file (GetSmallFileAction.java): the cluster token instead of Basic auth ---

  Scenario: get_small_file needs a token and a file id
    When I GET "/api/get_small_file" on the FE without credentials
    Then the status is 400
    And the body is "Missing parameter"
    When I GET "/api/get_small_file?token=x" on the FE without credentials
    Then the status is 400
    And the body is "Missing parameter"

  Scenario: get_small_file refuses a wrong token
    When I GET "/api/get_small_file?token=olapspec-wrong-token&file_id=1" on the FE without credentials
    Then the status is 400
    And the body is "Invalid token"

  Scenario: get_small_file with the cluster token checks the file id
    Given I noted the header "token" of GET "/check" from an FE host as "token"
    When I GET "/api/get_small_file?token={token}&file_id=abc" on the FE without credentials
    Then the status is 400
    And the body is "Invalid file id format: abc"
    When I GET "/api/get_small_file?token={token}&file_id=999999999" on the FE without credentials
    Then the status is 400
    And the body is "File not found or is not content"

  # --- /api/profile (ProfileAction.java, v1): no authentication, plain text ---

  Scenario: profile needs a query id
    When I GET "/api/profile" on the FE without credentials
    Then the status is 400
    And the body is "not valid parameter"

  Scenario: profile answers 404 for a query it does not know
    When I GET "/api/profile?query_id=olapspec-no-such-id" on the FE without credentials
    Then the status is 404
    And the body is "query id olapspec-no-such-id not found."

  Scenario: profile shows the profile of a query that ran with profiling on
    Given I ran over MySQL "SET enable_profile = true"
    And I ran over MySQL "SELECT 1"
    And I noted the MySQL query "SELECT last_query_id()" as "qid"
    When I GET "/api/profile?query_id={qid}" on the FE without credentials until it answers 200
    Then the body contains "{qid}"

  # --- /api/query_detail (QueryDetailAction.java) ---

  Scenario: query_detail lists the queries after a time, fields in declaration order
    Given I GET "/api/_set_config?enable_collect_query_detail_info=true" on the FE
    And I ran over MySQL "SELECT 'olapspec-{t}'"
    When I GET "/api/query_detail?event_time=0" on the FE
    Then the status is 200
    And the body is a JSON array of objects, one of which has "sql" = "SELECT 'olapspec-{t}'"
    And that object lists its keys in the order "eventTime, queryId, isQuery, remoteIP, connId, startTime, endTime, latency, state, database, sql, user"
    And that object has "state" = "FINISHED"

  Scenario: query_detail needs event_time
    When I GET "/api/query_detail" on the FE
    Then the status is 400
    And the body is "not valid parameter"

  Scenario: query_detail with a non-numeric event_time is an internal error
    When I GET "/api/query_detail?event_time=abc" on the FE
    Then the status is 500

  # --- /api/connection (ConnectionAction.java): no authentication ---

  Scenario: connection needs a connection id
    When I GET "/api/connection" on the FE without credentials
    Then the status is 400
    And the body is "not valid parameter"

  Scenario: connection answers 404 for a connection it does not know
    When I GET "/api/connection?connection_id=999999999" on the FE without credentials
    Then the status is 404
    And the body is "connection id 999999999 not found."

  # --- /api/show_data (ShowDataAction.java): no authentication, a bare number ---

  Scenario: show_data answers the size of all databases as a bare number
    When I GET "/api/show_data" on the FE without credentials
    Then the status is 200
    And the body matches "^\d+$"

  Scenario: show_data answers 404 for an unknown database
    When I GET "/api/show_data?db={nosuchdb}" on the FE without credentials
    Then the status is 404
    And the body is "database {nosuchdb} not found."

  # --- /api/query_dump (QueryDumpAction.java) ---

  Scenario: query_dump dumps the plan context of the SQL in the body
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20)"
    When I POST "/api/query_dump?db={db}" on the FE with the body "select id, name from {t} where id > 1"
    Then the status is 200
    And the body is a JSON object with the keys "statement, table_meta, table_row_count, session_variables, column_statistics" among others

  Scenario: query_dump answers 404 for an unknown database
    When I POST "/api/query_dump?db={nosuchdb}" on the FE with the body "select 1"
    Then the status is 404
    And the body is "Database [{nosuchdb}] does not exists"

  Scenario: query_dump needs a statement
    Given a StarRocks database "{db}"
    When I POST "/api/query_dump?db={db}" on the FE with the body ""
    Then the status is 400
    And the body is "not valid parameter"

  Scenario: query_dump reports a statement that does not run
    Given a StarRocks database "{db}"
    When I POST "/api/query_dump?db={db}" on the FE with the body "select * from {nosuch}"
    Then the status is 400
    And the body starts with "execute query failed. "
