@starrocks @catalog @doc:fe
Feature: FE authentication
  The FE's REST actions take HTTP Basic credentials. A missing or wrong
  password is 401 with `WWW-Authenticate: Basic realm=""` and the v1 envelope
  `{"status","code","msg","message"}`; actions for administrators refuse other
  users with a 401 whose envelope carries no message at all, because the
  exception has none and Gson leaves null fields out
  (BaseAction.java, RestBaseAction.java, AccessDeniedException.java).
  Paths the FE does not know go to NotFoundAction, which asks for a password first.

  Scenario: An action that needs a password refuses a request without credentials
    When I GET "/api/_get_ddl?db=olapspec_nosuch&tbl=t" on the FE without credentials
    Then the FE answers 401 with the FAILED envelope "Need auth information."
    And the header "WWW-Authenticate" is "Basic realm=\"\""

  Scenario: A wrong password is refused with the user and the client address
    When I GET "/api/_get_ddl?db=olapspec_nosuch&tbl=t" on the FE as "root" with the password "olapspec-wrong-password"
    Then the status is 401
    And the header "WWW-Authenticate" is "Basic realm=\"\""
    And the body matches the template '{"status":"FAILED","code":"1","msg":"Access denied for root@{ip}","message":"Access denied for root@{ip}"}'

  Scenario: Credentials that are not Basic count as missing
    Given the request header "Authorization" is "Bearer olapspec"
    When I GET "/api/_get_ddl?db=olapspec_nosuch&tbl=t" on the FE
    Then the FE answers 401 with the FAILED envelope "Need auth information."

  Scenario: The password may contain a colon, only the first one separates it from the user
    Given a StarRocks user "{u}" with the password "pa:ss"
    When I GET "/api/{nosuchdb}/get_load_state?label=x" on the FE as "{u}" with the password "pa:ss"
    Then the FE answers 200 with the FAILED envelope "unknown database, database={nosuchdb}"

  Scenario: An administrator-only action refuses a user without the admin role, with no message
    Given a StarRocks user "{u}" with the password "olapspec1"
    When I GET "/api/_get_ddl?db=olapspec_nosuch&tbl=t" on the FE as "{u}" with the password "olapspec1"
    Then the FE answers 401 with the FAILED envelope without a message
    And the header "WWW-Authenticate" is "Basic realm=\"\""

  Scenario: A user with both db_admin and user_admin counts as an administrator
    Given a StarRocks user "{u}" with the password "olapspec1"
    And I ran over MySQL "GRANT db_admin, user_admin TO USER '{u}'@'%'"
    And I ran over MySQL "SET DEFAULT ROLE ALL TO '{u}'@'%'"
    When I GET "/api/_get_ddl?db={nosuchdb}&tbl=t" on the FE as "{u}" with the password "olapspec1"
    Then the FE answers 200 with the FAILED envelope "Database[{nosuchdb}] does not exist"

  Scenario: An unknown path asks for credentials before anything else
    When I GET "/api/olapspec_no_such_action" on the FE without credentials
    Then the status is 401
    And the header "WWW-Authenticate" is "Basic realm=\"\""
    And the header "Content-Type" matches "^text/html"
    And the body contains "Authentication Failed. <br/> "

  Scenario: An unknown path with credentials is the 404 page
    When I GET "/api/olapspec_no_such_action" on the FE
    Then the status is 404
    And the body contains "this is 404 page."

  Scenario: POST to an unknown path with credentials is 501 Not implemented
    When I POST "/api/olapspec_no_such_action" on the FE
    Then the FE answers 501 with the FAILED envelope "Not implemented"
