@clickhouse @doc:default-database @suite-config
Feature: Authentication
  A request names its user in one of three ways: HTTP basic authentication, the
  user and password URL parameters, or the X-ClickHouse-User and X-ClickHouse-Key
  headers. Without a user name the user is `default`; without a password the
  password is empty.

  The users are those of the suite's configuration (steps/targets/config/users.xml):
  olapspec_plain has a password in plain text, olapspec_hashed one stored as
  its SHA-256. Old servers refused a failed login with 401, newer ones with
  403; scenarios that hold on both accept either, and the modern answer has
  scenarios of its own. From 25.12 on a failed login no longer ends in the
  server's version.

  Scenario: HTTP basic authentication
    When I run "SELECT 1" as "olapspec_plain" with the password "olapspec-plain-secret" in HTTP basic authentication
    Then the status is 200
    And the body is "1\n"

  Scenario: The user and password URL parameters
    When I run "SELECT 1" as "olapspec_plain" with the password "olapspec-plain-secret" in the user and password URL parameters
    Then the status is 200
    And the body is "1\n"

  Scenario: The X-ClickHouse-User and X-ClickHouse-Key headers
    When I run "SELECT 1" as "olapspec_plain" with the password "olapspec-plain-secret" in the X-ClickHouse-User and X-ClickHouse-Key headers
    Then the status is 200
    And the body is "1\n"

  Scenario: A password stored as its SHA-256 is checked against the one sent
    When I run "SELECT 1" as "olapspec_hashed" with the password "olapspec-hashed-secret" in HTTP basic authentication
    Then the status is 200
    And the body is "1\n"

  Scenario: The query runs as the user who logged in
    When I run "SELECT user FROM system.processes WHERE query_id = '{q}'" with the URL parameters "query_id={q}" as "olapspec_plain" with the password "olapspec-plain-secret"
    Then the status is 200
    And the body is "olapspec_plain\n"

  @since:20.1
  Scenario: currentUser() names the user who logged in
    When I run "SELECT currentUser()" as "olapspec_hashed" with the password "olapspec-hashed-secret" in the X-ClickHouse-User and X-ClickHouse-Key headers
    Then the status is 200
    And the body is "olapspec_hashed\n"

  Scenario: Without any credentials the user is default
    When I POST "/?query_id={q}" with the body "SELECT user FROM system.processes WHERE query_id = '{q}'"
    Then the status is 200
    And the body is "default\n"

  Scenario: A wrong password is refused
    When I run "SELECT 1" as "olapspec_plain" with the password "olapspec-plain-secreT" in HTTP basic authentication
    Then the request is refused with status 401 or 403
    And the error message contains "olapspec_plain"

  Scenario: A wrong password in the URL parameters is refused
    When I run "SELECT 1" as "olapspec_hashed" with the password "wrong" in the user and password URL parameters
    Then the request is refused with status 401 or 403
    And the error message contains "olapspec_hashed"

  Scenario: An unknown user is refused
    When I run "SELECT 1" as "olapspec_nobody" with the password "x" in HTTP basic authentication
    Then the request is refused with status 401 or 403
    And the error message contains "olapspec_nobody"

  # 18.16: 401, code 193 "Wrong password for user olapspec_plain".
  @since:23.8
  Scenario: A wrong password is 403 with one message for every failed login
    When I run "SELECT 1" as "olapspec_plain" with the password "wrong" in HTTP basic authentication
    Then the request fails with status 403 and error code 516
    And the error message is "olapspec_plain: Authentication failed: password is incorrect, or there is no user with such name"

  # The same answer as for a wrong password, so that user names cannot be probed.
  @since:23.8
  Scenario: An unknown user gets the answer a wrong password gets
    When I run "SELECT 1" as "olapspec_nobody" with the password "x" in the X-ClickHouse-User and X-ClickHouse-Key headers
    Then the request fails with status 403 and error code 516
    And the error message is "olapspec_nobody: Authentication failed: password is incorrect, or there is no user with such name"

  # Until 25.12 every error text ended in the version (src/Common/Exception.cpp,
  # getCurrentExceptionMessage); only the reference's 24.8 mode runs this range.
  @since:23.8 @until:25.12
  Scenario: A failed login names the server version like every other error
    When I run "SELECT 1" as "olapspec_plain" with the password "wrong" in HTTP basic authentication
    Then the status is 403
    And the body is like "Code: 516. DB::Exception: olapspec_plain: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version {version})\n"

  # PR #91003 (25.12): what the HTTP handler answers before the user is
  # authenticated does not tell the server's version.
  @since:25.12
  Scenario: A failed login does not name the server version
    When I run "SELECT 1" as "olapspec_plain" with the password "wrong" in HTTP basic authentication
    Then the status is 403
    And the body is "Code: 516. DB::Exception: olapspec_plain: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)\n"

  Scenario: The X-ClickHouse headers and basic authentication together are refused
    Given the request header "X-ClickHouse-User" is "olapspec_plain"
    And the request header "X-ClickHouse-Key" is "olapspec-plain-secret"
    And the next request is sent as "olapspec_plain" with the password "olapspec-plain-secret" in HTTP basic authentication
    When I run "SELECT 1"
    Then the request is refused with status 401 or 403
    And the error message starts with "Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and "

  Scenario: The X-ClickHouse headers and the URL parameters together are refused
    Given the request header "X-ClickHouse-User" is "olapspec_plain"
    And the request header "X-ClickHouse-Key" is "olapspec-plain-secret"
    When I run "SELECT 1" with the URL parameters "user=olapspec_plain&password=olapspec-plain-secret"
    Then the request is refused with status 401 or 403
    And the error message starts with "Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and "

  @since:23.8
  Scenario: Mixing the X-ClickHouse headers with basic authentication names both
    Given the request header "X-ClickHouse-User" is "olapspec_plain"
    And the request header "X-ClickHouse-Key" is "olapspec-plain-secret"
    And the next request is sent as "olapspec_plain" with the password "olapspec-plain-secret" in HTTP basic authentication
    When I run "SELECT 1"
    Then the request fails with status 403 and error code 516
    And the error message is "Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and Authorization HTTP header simultaneously"

  @since:23.8
  Scenario: Mixing the X-ClickHouse headers with the URL parameters names both
    Given the request header "X-ClickHouse-User" is "olapspec_plain"
    And the request header "X-ClickHouse-Key" is "olapspec-plain-secret"
    When I run "SELECT 1" with the URL parameters "user=olapspec_plain&password=olapspec-plain-secret"
    Then the request fails with status 403 and error code 516
    And the error message is "Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and authentication via parameters simultaneously"

  # 18.16 accepted both and used the Authorization header; 26.7 takes the
  # parameters (below). src/Server/HTTP/authenticateUserByHTTP.cpp before
  # PR #108980; only the reference's 24.8 mode runs this range.
  @since:23.8 @until:26.7
  Scenario: Basic authentication and the URL parameters together are refused
    Given the next request is sent as "olapspec_plain" with the password "olapspec-plain-secret" in HTTP basic authentication
    When I run "SELECT 1" with the URL parameters "user=olapspec_plain&password=olapspec-plain-secret"
    Then the request fails with status 403 and error code 516
    And the error message is "Invalid authentication: it is not allowed to use Authorization HTTP header and authentication via parameters simultaneously"

  # PR #108980 (26.7): a browser sends the basic credentials it remembers with
  # every request, so the parameters a page puts in the URL win.
  @since:26.7
  Scenario: The URL parameters win over basic authentication
    Given the next request is sent as "olapspec_plain" with the password "olapspec-plain-secret" in HTTP basic authentication
    When I run "SELECT currentUser()" with the URL parameters "user=olapspec_hashed&password=olapspec-hashed-secret"
    Then the status is 200
    And the body is "olapspec_hashed\n"

  # 18.16 answered this with a bare Poco exception (code 1000, status 500).
  @since:23.8
  Scenario: An Authorization scheme other than Basic is refused
    Given the request header "Authorization" is "Bearer olapspec-token"
    When I run "SELECT 1"
    Then the request fails with status 403 and error code 516
    And the error message is "Invalid authentication: 'Bearer' HTTP Authorization scheme is not supported"

  # 18.16 asked for the password (code 194, "Password required for user olapspec_plain").
  @since:23.8
  Scenario: A user name without a password is a login with an empty password
    Given the request header "X-ClickHouse-User" is "olapspec_plain"
    When I run "SELECT 1"
    Then the request fails with status 403 and error code 516

  # Until 24.12 a failed login as default was the 403 of any other user, with
  # help on resetting the password (src/Access/AccessControl.cpp, authenticate);
  # only the reference's 24.8 mode runs this range.
  @since:23.8 @until:24.12
  Scenario: A failed login as default is refused like any other
    When I POST "/?password=olapspec-wrong" with the body "SELECT 1"
    Then the request fails with status 403 and error code 516
    And the error message starts with "default: Authentication failed: password is incorrect, or there is no user with such name\n\nIf you have installed ClickHouse and forgot password"

  # PR #72198 (24.12): for default the answer asks the browser for a password.
  @since:24.12
  Scenario: A failed login as default asks for a password
    When I POST "/?password=olapspec-wrong" with the body "SELECT 1"
    Then the request fails with status 401 and error code 194
    And the header "WWW-Authenticate" is "Basic realm=\"ClickHouse server HTTP API\""
    And the error message starts with "default: Authentication failed: password is incorrect, or there is no user with such name\n\n"
    And the error message contains "If you have installed ClickHouse and forgot password you can reset it in the configuration file."

  # PR #76637 (25.3): the Web UI sends `Authorization: never`, which is no
  # Authorization header and keeps the browser from asking.
  @since:25.3
  Scenario: With "Authorization: never" a failed login as default is a plain refusal
    Given the request header "Authorization" is "never"
    When I POST "/?password=olapspec-wrong" with the body "SELECT 1"
    Then the request fails with status 403 and error code 516
    And the header "WWW-Authenticate" is absent
