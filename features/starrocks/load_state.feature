@starrocks @catalog @doc:fe
Feature: Load state, load info and cancel
  The FE answers the state of the transaction behind a label, the job behind a
  label, and cancels a running load. Answers use the v1 envelope; get_load_state
  puts its own "state" field first, as Gson writes subclass fields first
  (GetStreamLoadState.java, GetLoadInfoAction.java, CancelStreamLoad.java).

  Background:
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"

  # --- /api/{db}/get_load_state ---

  Scenario: get_load_state of a finished load is VISIBLE
    Given the request header "label" is "{label}"
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n"
    When I GET "/api/{db}/get_load_state?label={label}" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^text/html"
    And the body is '{"state":"VISIBLE","status":"OK","code":"0","msg":"Success","message":"OK"}'

  Scenario: get_load_state of a label nobody used is UNKNOWN
    When I GET "/api/{db}/get_load_state?label={label}" on the FE
    Then the status is 200
    And the body is '{"state":"UNKNOWN","status":"OK","code":"0","msg":"Success","message":"OK"}'

  Scenario: get_load_state of a failed load is ABORTED
    Given the request header "label" is "{label}"
    And the request header "column_separator" is ","
    And I stream loaded "1,a\n" into "{db}.{t}", which failed
    When I GET "/api/{db}/get_load_state?label={label}" on the FE
    Then the body is '{"state":"ABORTED","status":"OK","code":"0","msg":"Success","message":"OK"}'

  Scenario: get_load_state needs a label
    When I GET "/api/{db}/get_load_state" on the FE
    Then the FE answers 200 with the FAILED envelope "No label selected."

  Scenario: get_load_state names an unknown database
    When I GET "/api/{nosuchdb}/get_load_state?label={label}" on the FE
    Then the FE answers 200 with the FAILED envelope "unknown database, database={nosuchdb}"

  # --- /api/{db}/_load_info (no period after these two messages, unlike get_load_state) ---

  Scenario: _load_info needs a label
    When I GET "/api/{db}/_load_info" on the FE
    Then the FE answers 200 with the FAILED envelope "No label selected"

  Scenario: _load_info of a label without a load job fails with the v1 envelope
    When I GET "/api/{db}/_load_info?label={label}" on the FE
    Then the status is 200
    And the body matches the template '{"status":"FAILED","code":"1","msg":"{any}","message":"{any}"}'

  # --- /api/{db}/{label}/_cancel ---

  Scenario: _cancel aborts an open transaction
    Given the transaction "{label}" on the table "{db}.{t}"
    And I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    When I POST "/api/{db}/{label}/_cancel" on the FE
    Then the FE answers 200 with the OK envelope
    And the transaction's state on the FE is "ABORTED"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |

  Scenario: _cancel names an unknown database
    When I POST "/api/{nosuchdb}/{label}/_cancel" on the FE
    Then the FE answers 200 with the FAILED envelope "unknown database, database={nosuchdb}"

  Scenario: _cancel of a label without a transaction fails
    When I POST "/api/{db}/{label}/_cancel" on the FE
    Then the status is 200
    And the body matches the template '{"status":"FAILED","code":"1","msg":"{any}","message":"{any}"}'

  Scenario: _cancel of a finished load fails and the data stays
    Given the request header "label" is "{label}"
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n"
    When I POST "/api/{db}/{label}/_cancel" on the FE
    Then the status is 200
    And the body matches the template '{"status":"FAILED","code":"1","msg":"{any}","message":"{any}"}'
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 1 |
