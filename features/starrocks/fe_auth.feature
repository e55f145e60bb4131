@starrocks @doc:fe
Feature: FE authentication
  The FE's REST actions take HTTP Basic credentials. A missing or wrong
  password is 401 with `WWW-Authenticate: Basic realm=""` and the v1 envelope
  `{"status","code","msg","message"}`. Actions for administrators refuse other
  users with a 401 too: checkUserOwnsAdminRole throws an AccessDeniedException
  without a message, and the newest RestBaseAction
  (getErrorRespWhenUnauthorized) writes the user and its roles into it; older
  ones left msg and message out (BaseAction.java, RestBaseAction.java).
  Paths the FE does not know go to NotFoundAction, which asks for a password first.

  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::getAuthorizationInfo @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseAction.java RestBaseAction::handleRequest @ f1d96ccd19
  @source-checked
  Scenario: An action that needs a password refuses a request without credentials
    When I GET "/api/_get_ddl?db=olapspec_nosuch&tbl=t" on the FE without credentials
    Then the FE answers 401 with the FAILED envelope "Need auth information."
    And the header "WWW-Authenticate" is "Basic realm=\"\""

  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::checkPassword @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseAction.java RestBaseAction::handleRequest @ f1d96ccd19
  @source-checked
  Scenario: A wrong password is refused with the user and the client address
    When I GET "/api/_get_ddl?db=olapspec_nosuch&tbl=t" on the FE as "root" with the password "olapspec-wrong-password"
    Then the status is 401
    And the header "WWW-Authenticate" is "Basic realm=\"\""
    And the body is like '{"status":"FAILED","code":"1","msg":"Access denied for root@{ip}","message":"Access denied for root@{ip}"}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::parseAuthInfo @ 0178d9be75
  @source-checked
  Scenario: Credentials that are not Basic count as missing
    Given the request header "Authorization" is "Bearer olapspec"
    When I GET "/api/_get_ddl?db=olapspec_nosuch&tbl=t" on the FE
    Then the FE answers 401 with the FAILED envelope "Need auth information."

  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::parseAuthInfo @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java GetStreamLoadState::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: The password may contain a colon, only the first one separates it from the user
    Given a StarRocks user "{u}" with the password "pa:ss"
    When I GET "/api/{nosuchdb}/get_load_state?label=x" on the FE as "{u}" with the password "pa:ss"
    Then the FE answers 200 with the FAILED envelope "unknown database, database={nosuchdb}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::checkUserOwnsAdminRole @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetDdlStmtAction.java GetDdlStmtAction::executeWithoutPassword @ 4f8a334e1c
  @source-checked
  Scenario: An administrator-only action refuses a user without the admin role, naming the user and its roles
    Given a StarRocks user "{u}" with the password "olapspec1"
    When I GET "/api/_get_ddl?db=olapspec_nosuch&tbl=t" on the FE as "{u}" with the password "olapspec1"
    Then the FE answers 401 with the FAILED envelope "Access denied for user '{u}'@'%'. Please ask the admin to grant permission(s) or try activating existing roles using <set [default] role>. Current role(s): {anything}. Inactivated role(s): {anything}."
    And the header "WWW-Authenticate" is "Basic realm=\"\""

  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::checkUserOwnsAdminRole @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetDdlStmtAction.java GetDdlStmtAction::executeWithoutPassword @ 4f8a334e1c
  @source-checked
  Scenario: A user with both db_admin and user_admin counts as an administrator
    Given a StarRocks user "{u}" with the password "olapspec1"
    And I ran over MySQL "GRANT db_admin, user_admin TO USER '{u}'@'%'"
    And I ran over MySQL "SET DEFAULT ROLE ALL TO '{u}'@'%'"
    When I GET "/api/_get_ddl?db={nosuchdb}&tbl=t" on the FE as "{u}" with the password "olapspec1"
    Then the FE answers 200 with the FAILED envelope "Database[{nosuchdb}] does not exist"

  # source: fe/fe-core/src/main/java/com/starrocks/http/action/WebBaseAction.java WebBaseAction::checkAuthWithCookie @ 0178d9be75
  @source-checked
  Scenario: An unknown path asks for credentials before anything else
    When I GET "/api/olapspec_no_such_action" on the FE without credentials
    Then the status is 401
    And the header "WWW-Authenticate" is "Basic realm=\"\""
    And the header "Content-Type" matches "^text/html"
    And the body contains "Authentication Failed. <br/> "

  # source: fe/fe-core/src/main/java/com/starrocks/http/action/NotFoundAction.java NotFoundAction::executeGet @ 654dccadb6
  @source-checked
  Scenario: An unknown path with credentials is the 404 page
    When I GET "/api/olapspec_no_such_action" on the FE
    Then the status is 404
    And the body contains "this is 404 page."

  # source: fe/fe-core/src/main/java/com/starrocks/http/action/WebBaseAction.java WebBaseAction::executePost @ 0178d9be75
  @source-checked
  Scenario: POST to an unknown path with credentials is 501 Not implemented
    When I POST "/api/olapspec_no_such_action" on the FE
    Then the FE answers 501 with the FAILED envelope "Not implemented"
