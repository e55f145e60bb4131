@clickhouse @doc:http-interface
Feature: Errors
  A failed query answers with an error status and a text body that names the
  error code and describes the error. The status depends on the code: syntax
  errors are 400, unknown things are 404, most else is 500.

  The body's layout changed over the years. Scenarios that hold for every
  version read only the code and the message; the exact modern layout,
  `Code: N. DB::Exception: message. (NAME) (version V)`, has its own scenarios.
  From 25.12 on the ` (version V)` is left out of what the handler answers
  before the user is authenticated.

  Scenario: A syntax error is 400 with code 62
    When I run "SELEC 1"
    Then the request fails with status 400 and error code 62
    And the error message starts with "Syntax error: failed at position 1"

  Scenario: An unknown table is 404 with code 60
    When I run "SELECT * FROM {nosuch}"
    Then the request fails with status 404 and error code 60

  Scenario: An unknown function is 404 with code 46
    When I run "SELECT olapspecNoSuchFunction(1)"
    Then the request fails with status 404 and error code 46

  Scenario: An unknown setting in the URL is 404 with code 115
    When I run "SELECT 1" with the URL parameters "olapspec_no_such_setting=1"
    Then the request fails with status 404 and error code 115
    And the error message contains "olapspec_no_such_setting"

  Scenario: An unknown format is 404 with code 73
    When I run "SELECT 1 FORMAT OlapspecNoSuchFormat"
    Then the request fails with status 404 and error code 73
    And the error message contains "OlapspecNoSuchFormat"

  Scenario: throwIf fails the query with 500 and code 395
    When I run "SELECT throwIf(1)"
    Then the request fails with status 500 and error code 395

  Scenario: An error raised before any output is plain text ending in a newline
    When I run "SELEC 1"
    Then the status is 400
    And the header "Content-Type" is "text/plain; charset=UTF-8"
    And the body contains "Code: 62"
    And the body ends with "\n"

  @since:21.8
  Scenario: The modern error body names the code, the error and the version
    When I POST "/" with the body ""
    Then the status is 400
    And the body is like "Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version {version})\n"

  @since:21.8
  Scenario: The error name follows the message
    When I run "SELECT * FROM {nosuch}"
    Then the request fails with status 404 and error code 60
    And the error name is "UNKNOWN_TABLE"

  @since:19.1
  Scenario: Error answers carry the code in a header
    When I run "SELEC 1"
    Then the status is 400
    And the header "X-ClickHouse-Exception-Code" is "62"

  @since:20.1
  Scenario: HEAD answers an error with the code in a header and no body
    When I HEAD "/?query=BADREQUEST"
    Then the status is 400
    And the header "X-ClickHouse-Exception-Code" is "62"
    And the body is empty

  # 18.16 answered an unknown user with 401 and code 192; newer servers give one
  # answer for an unknown user and a wrong password (code 516), mapped to 403.
  # (A failed login as default asks for a password from 24.12 on, 401 and code
  # 194, so the scenario uses a user that does not exist.)
  @since:23.8
  Scenario: An unknown user is refused with 403 and code 516
    When I run "SELECT 1" with the URL parameters "user=olapspec_no_such_user&password=x"
    Then the request fails with status 403 and error code 516
    And the error message starts with "olapspec_no_such_user: Authentication failed: password is incorrect, or there is no user with such name"

  # PR #91003 (25.12): the login and the session come first, and until they
  # are done an error does not tell the server's version.
  @since:25.12
  Scenario: An error before the session is set up does not name the version
    When I run "SELECT 1" with the URL parameters "session_id=olapspec_errors&session_timeout=abc"
    Then the status is 500
    And the body is "Code: 374. DB::Exception: Invalid session timeout: 'abc'. (INVALID_SESSION_TIMEOUT)\n"

  # test 00336_shard_stack_trace: the error text is one line, and with
  # stacktrace=1 it is followed by the server's stack, one frame a line.
  Scenario: Without stacktrace=1 the error body is one line
    When I run "SELEC 1" with the URL parameters "stacktrace=0"
    Then the status is 400
    And the body has 1 line

  Scenario: With stacktrace=1 the error body carries the stack trace
    When I run "SELEC 1" with the URL parameters "stacktrace=1"
    Then the status is 400
    And the body has at least 3 lines

  # 18.16 wrote `, e.what() = DB::Exception, Stack trace:` and the frames.
  @since:21.8
  Scenario: The stack trace goes between the error name and the version
    When I run "SELEC 1" with the URL parameters "stacktrace=1"
    Then the status is 400
    And the body starts with "Code: 62. DB::Exception: Syntax error"
    And the body contains "(SYNTAX_ERROR), Stack trace (when copying this message, always include the lines below):\n\n0. "
    And the body is like "{anything}\n (version {version})\n"

  # enable_http_stacktrace in config.xml; the variant turns it off.
  @since:23.8 @server-config:http_limits
  Scenario: With enable_http_stacktrace off, stacktrace=1 is ignored
    When I run "SELEC 1" with the URL parameters "stacktrace=1"
    Then the status is 400
    And the body has 1 line
