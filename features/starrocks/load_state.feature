@starrocks @doc:fe
Feature: Load state, load info and cancel
  The FE answers the state of the transaction behind a label, the job behind a
  label, and cancels a running load. Answers use the v1 envelope; get_load_state
  puts its own "state" and "reason" fields first, as Gson writes subclass fields
  first and leaves out a null reason (GetStreamLoadState.java,
  GetLoadInfoAction.java, CancelStreamLoad.java).

  Background:
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"

  # --- /api/{db}/get_load_state ---

  # The JSON content type comes from RestBaseAction.sendResult in the needAuth() version that
  # GetStreamLoadState @0160d4fbed builds on (requireDbInsertIfHttpAuthEnabled); the index holds that
  # RestBaseAction without a commit, the newest one with a commit (@f1d96ccd19) still sent text/html.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java GetStreamLoadState::executeWithoutPassword @ 0160d4fbed
  # source: fe/fe-core/src/main/java/com/starrocks/transaction/TransactionState.java TransactionState::TransactionState @ 00a7a9d1cf
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseResult.java RestBaseResult::toJson @ 039e00c8bf
  @source-checked
  Scenario: get_load_state of a finished load is VISIBLE
    Given the request header "label" is "{label}"
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n"
    When I GET "/api/{db}/get_load_state?label={label}" on the FE
    Then the status is 200
    And the header "Content-Type" is "application/json; charset=UTF-8"
    And the body is '{"state":"VISIBLE","reason":"","status":"OK","code":"0","msg":"Success","message":"OK"}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java GetStreamLoadState::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: get_load_state of a label nobody used is UNKNOWN
    When I GET "/api/{db}/get_load_state?label={label}" on the FE
    Then the status is 200
    And the body is '{"state":"UNKNOWN","status":"OK","code":"0","msg":"Success","message":"OK"}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java GetStreamLoadState::executeWithoutPassword @ 0160d4fbed
  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::rollback_txn @ 037487dfcb
  @source-checked
  Scenario: get_load_state of a failed load is ABORTED
    Given the request header "label" is "{label}"
    And the request header "column_separator" is ","
    And I stream load "1,a\n" into "{db}.{t}" through the FE
    And the JSON field "Status" is "Fail"
    When I GET "/api/{db}/get_load_state?label={label}" on the FE
    Then the body is '{"state":"ABORTED","reason":"too many filtered rows","status":"OK","code":"0","msg":"Success","message":"OK"}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java GetStreamLoadState::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: get_load_state needs a label
    When I GET "/api/{db}/get_load_state" on the FE
    Then the FE answers 200 with the FAILED envelope "No label selected."

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java GetStreamLoadState::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: get_load_state names an unknown database
    When I GET "/api/{nosuchdb}/get_load_state?label={label}" on the FE
    Then the FE answers 200 with the FAILED envelope "unknown database, database={nosuchdb}"

  # --- /api/{db}/_load_info (no period after these two messages, unlike get_load_state) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLoadInfoAction.java GetLoadInfoAction::executeWithoutPassword @ 0178d9be75
  @source-checked
  Scenario: _load_info needs a label
    When I GET "/api/{db}/_load_info" on the FE
    Then the FE answers 200 with the FAILED envelope "No label selected"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLoadInfoAction.java GetLoadInfoAction::executeWithoutPassword @ 0178d9be75
  @source-checked
  Scenario: _load_info of a label without a load job fails with the v1 envelope
    When I GET "/api/{db}/_load_info?label={label}" on the FE
    Then the status is 200
    And the body is like '{"status":"FAILED","code":"1","msg":"{anything}","message":"{anything}"}'

  # --- /api/{db}/{label}/_cancel ---
  # HttpServer @01a85d0624 registers CancelStreamLoad on this path; CancelStreamLoadAction @61eb86d1e7
  # (/api/{db}/{table}/_cancel?label=, the docs' form) is registered by no stored HttpServer.

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/CancelStreamLoad.java CancelStreamLoad::executeWithoutPassword @ 039e00c8bf
  # source: fe/fe-core/src/main/java/com/starrocks/http/HttpServer.java HttpServer::registerActions @ 01a85d0624
  @source-checked
  Scenario: _cancel aborts an open transaction
    Given the transaction "{label}" on the table "{db}.{t}"
    And I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    When I POST "/api/{db}/{label}/_cancel" on the FE
    Then the status is 200
    And the body is '{"status":"OK","code":"0","msg":"Success","message":"OK"}'
    And the transaction's state on the FE is "ABORTED"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/CancelStreamLoad.java CancelStreamLoad::executeWithoutPassword @ 039e00c8bf
  @source-checked
  Scenario: _cancel names an unknown database
    When I POST "/api/{nosuchdb}/{label}/_cancel" on the FE
    Then the FE answers 200 with the FAILED envelope "unknown database, database={nosuchdb}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/CancelStreamLoad.java CancelStreamLoad::executeWithoutPassword @ 039e00c8bf
  @source-checked
  Scenario: _cancel of a label without a transaction fails
    When I POST "/api/{db}/{label}/_cancel" on the FE
    Then the status is 200
    And the body is like '{"status":"FAILED","code":"1","msg":"{anything}","message":"{anything}"}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/CancelStreamLoad.java CancelStreamLoad::executeWithoutPassword @ 039e00c8bf
  @source-checked
  Scenario: _cancel of a finished load fails and the data stays
    Given the request header "label" is "{label}"
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n"
    When I POST "/api/{db}/{label}/_cancel" on the FE
    Then the status is 200
    And the body is like '{"status":"FAILED","code":"1","msg":"{anything}","message":"{anything}"}'
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 1 |
