@clickhouse @doc:default-database
Feature: Sessions
  With a session_id parameter (any string) requests share a session: settings
  changed with SET, temporary tables and the current database live on between
  them. A session ends after default_session_timeout (60 s) without use, or
  after the session_timeout a request gives. session_check=1 asks for an
  existing session instead of starting one. One query at a time may use a
  session.

  Scenario: SET in a session applies to the session's later queries
    When I run "SET max_threads = 3" with the URL parameters "session_id={s}"
    Then the status is 200
    When I run "SELECT value FROM system.settings WHERE name = 'max_threads'" with the URL parameters "session_id={s}"
    Then the body is "3\n"

  Scenario: SET in a session does not reach queries outside it
    When I run "SET max_result_rows = 3" with the URL parameters "session_id={s}"
    Then the status is 200
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'"
    Then the body is "0\n"

  Scenario: A setting in the URL of a session request is not kept in the session
    When I run "SET max_threads = 3" with the URL parameters "session_id={s}"
    And I run "SELECT value FROM system.settings WHERE name = 'max_threads'" with the URL parameters "session_id={s}&max_threads=7"
    Then the body is "7\n"
    When I run "SELECT value FROM system.settings WHERE name = 'max_threads'" with the URL parameters "session_id={s}"
    Then the body is "3\n"

  Scenario: A temporary table lives in its session
    When I run "CREATE TEMPORARY TABLE {tmp} (a UInt8)" with the URL parameters "session_id={s}"
    And I run "INSERT INTO {tmp} VALUES (7)" with the URL parameters "session_id={s}"
    And I run "SELECT a FROM {tmp}" with the URL parameters "session_id={s}"
    Then the status is 200
    And the body is "7\n"

  Scenario: A temporary table is not seen outside its session
    When I run "CREATE TEMPORARY TABLE {tmp} (a UInt8)" with the URL parameters "session_id={s}"
    And I run "SELECT a FROM {tmp}"
    Then the request fails with status 404 and error code 60

  Scenario: USE in a session changes the session's current database
    When I run "USE system" with the URL parameters "session_id={s}"
    And I run "SELECT currentDatabase()" with the URL parameters "session_id={s}"
    Then the status is 200
    And the body is "system\n"

  @suite-config
  Scenario: Sessions belong to a user: the same id for another user is another session
    When I run "SET max_threads = 3" with the URL parameters "session_id={s}"
    And I run "SELECT value FROM system.settings WHERE name = 'max_threads'" with the URL parameters "session_id={s}" as "olapspec_plain" with the password "olapspec-plain-secret"
    Then the status is 200
    And the body is not "3\n"

  Scenario: session_check=1 finds a session that exists
    When I run "SET max_threads = 3" with the URL parameters "session_id={s}"
    And I run "SELECT value FROM system.settings WHERE name = 'max_threads'" with the URL parameters "session_id={s}&session_check=1"
    Then the status is 200
    And the body is "3\n"

  # 18.16: "Session not found."; newer servers name the session.
  Scenario: session_check=1 for a session that does not exist is an error
    When I run "SELECT 1" with the URL parameters "session_id={s}&session_check=1"
    Then the request fails with status 500 and error code 372
    And the error message starts with "Session"
    And the error message contains "not found"

  Scenario: session_check=1 does not start a session
    When I run "SELECT 1" with the URL parameters "session_id={s}&session_check=1"
    Then the request fails with status 500 and error code 372
    When I run "SELECT 1" with the URL parameters "session_id={s}&session_check=1"
    Then the request fails with status 500 and error code 372

  Scenario: session_timeout takes whole seconds up to max_session_timeout
    When I run "SELECT 1" with the URL parameters "session_id={s}&session_timeout=3600"
    Then the status is 200
    And the body is "1\n"

  Scenario: session_timeout=0 is accepted
    When I run "SELECT 1" with the URL parameters "session_id={s}&session_timeout=0"
    Then the status is 200
    And the body is "1\n"

  Scenario Outline: session_timeout=<value> is not a timeout
    When I run "SELECT 1" with the URL parameters "session_id={s}&session_timeout=<value>"
    Then the request fails with status 500 and error code 374
    And the error message is "Invalid session timeout: '<value>'"

    Examples:
      | value |
      | abc   |
      | -1    |
      | 1.5   |

  Scenario: session_timeout above max_session_timeout is refused
    When I run "SELECT 1" with the URL parameters "session_id={s}&session_timeout=4000"
    Then the request fails with status 500 and error code 374
    And the error message is "Session timeout '4000' is larger than max_session_timeout: 3600. Maximum session timeout could be modified in configuration file."

  Scenario: A session ends after its timeout without use
    When I run "SET max_threads = 3" with the URL parameters "session_id={s}&session_timeout=1"
    And the session "{s}" has been idle for longer than its timeout of 1 second
    And I run "SELECT 1" with the URL parameters "session_id={s}&session_check=1"
    Then the request fails with status 500 and error code 372

  Scenario: A session that ended has lost its settings
    When I run "SET max_result_rows = 3" with the URL parameters "session_id={s}&session_timeout=1"
    And the session "{s}" has been idle for longer than its timeout of 1 second
    And I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'" with the URL parameters "session_id={s}"
    Then the status is 200
    And the body is "0\n"

  # 18.16: "Session is locked by a concurrent client."; newer servers name the session.
  Scenario: A session busy with a query refuses another one
    Given the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over POST with the URL parameters "session_id={s}&max_block_size=1"
    When I run "SELECT 1" with the URL parameters "session_id={s}"
    Then the request fails with status 500 and error code 373
    And the error message contains "is locked by a concurrent client"

  Scenario: Another session is free while one is busy
    Given the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over POST with the URL parameters "session_id={s}&max_block_size=1"
    When I run "SELECT 1" with the URL parameters "session_id={s2}"
    Then the status is 200
    And the body is "1\n"
