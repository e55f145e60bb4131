@clickhouse @doc:default-database
Feature: Running queries
  The optional query_id parameter names a query (any string). While it runs,
  system.processes lists it under that id, no other query of the user may take
  the same id unless replace_running_query=1 asks to stop the first, and KILL
  QUERY stops it. A query does not stop by itself when its client goes away;
  cancel_http_readonly_queries_on_client_close=1 makes readonly queries stop.
  The running queries here sleep a little on every row of one-row blocks, so
  that they stay long enough to be seen, and are killed when the scenario ends.

  Scenario: A running query is listed in system.processes under its query_id
    Given the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over POST with the URL parameters "query_id={q}&max_block_size=1"
    When I run "SELECT query_id, user, query FROM system.processes WHERE query_id = '{q}'"
    Then the status is 200
    And the body is "{q}\tdefault\tSELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null\n"

  # 18.16 gives the same message without the error name.
  Scenario: A second query with the id of a running one is refused
    Given the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over POST with the URL parameters "query_id={q}&max_block_size=1"
    When I run "SELECT 1" with the URL parameters "query_id={q}"
    Then the request fails with status 500 and error code 216
    And the error message is "Query with id = {q} is already running."

  Scenario: replace_running_query=1 stops the running query and runs the new one
    Given the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over POST with the URL parameters "query_id={q}&max_block_size=1"
    When I run "SELECT 42" with the URL parameters "query_id={q}&replace_running_query=1"
    Then the status is 200
    And the body is "42\n"
    And the running query fails with error code 394

  Scenario: KILL QUERY stops a running query
    Given the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over POST with the URL parameters "query_id={q}&max_block_size=1"
    When I run "KILL QUERY WHERE query_id = '{q}' SYNC"
    Then the status is 200
    And the body contains "{q}"
    And the running query fails with error code 394
    And the query "{q}" stops running within 5 seconds

  Scenario: KILL QUERY finds nothing to stop for an id that does not run
    When I run "KILL QUERY WHERE query_id = '{q}' SYNC"
    Then the status is 200
    And the body is empty

  @suite-config
  Scenario: KILL QUERY reaches another user's query
    Given the next request is sent as "olapspec_plain" with the password "olapspec-plain-secret" in HTTP basic authentication
    And the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over POST with the URL parameters "query_id={q}&max_block_size=1"
    When I run "KILL QUERY WHERE query_id = '{q}' SYNC"
    Then the status is 200
    And the body contains "olapspec_plain"
    And the running query fails with error code 394

  Scenario: A query does not stop when its client goes away
    Given the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over GET with the URL parameters "query_id={q}&max_block_size=1"
    When the client of the running query closes its connection
    Then the query "{q}" is still running

  # A setting 18.16 does not know.
  @since:19.3
  Scenario: cancel_http_readonly_queries_on_client_close stops a readonly query whose client went away
    Given the query "SELECT sleepEachRow(0.1) FROM numbers(100) FORMAT Null" is running over GET with the URL parameters "query_id={q}&max_block_size=1&cancel_http_readonly_queries_on_client_close=1"
    When the client of the running query closes its connection
    Then the query "{q}" stops running within 5 seconds

  @since:19.1
  Scenario: The answer names the query id the request gave
    When I run "SELECT 1" with the URL parameters "query_id={q}"
    Then the status is 200
    And the header "X-ClickHouse-Query-Id" is "{q}"
