# The Web UI came with ClickHouse 20.11 ("Added minimal web UI", #16158); 18.16
# answers /play with the 404 page, so the whole feature is gated.
@clickhouse @doc:http-interface @since:20.11
Feature: Web UI
  The server serves a query page at /play (http://localhost:8123/play). A person
  types a query into it and presses Run; the page sends the query with POST to
  the same server's query handler, as the user and with the password typed into
  the page, and shows the rows as a table or the server's error as it came.

  Scenarios tagged @browser drive the page in a headless Chromium through the
  element ids ClickHouse's own page has (#query, #run, #user, #password,
  #data-table, #error), also where the page draws them inside shadow roots, as
  26.x's does; only what shows on screen counts. Without a Chromium they are
  skipped, and the run says so.

  Scenario: GET /play serves the query page as HTML
    When I GET "/play"
    Then the status is 200
    And the header "Content-Type" is "text/html; charset=UTF-8"
    And the body contains '<textarea'
    And the body contains 'id="query"'

  Scenario Outline: The page answers every path that starts with /play
    When I GET "<path>"
    Then the status is 200
    And the header "Content-Type" is "text/html; charset=UTF-8"
    And the body contains 'id="run"'

    Examples:
      | path                 |
      | /play?user=default   |
      | /playground          |

  Scenario: HEAD /play answers with the page's headers and no body
    When I HEAD "/play"
    Then the status is 200
    And the header "Content-Type" is "text/html; charset=UTF-8"
    And the body is empty

  Scenario: The page is for GET and HEAD: a POST to /play is not found
    When I POST "/play" with the body "SELECT 1"
    Then the status is 404

  # What the page sends with every query (play.html, postImpl) and reads back:
  # it draws the table from the meta and row lines of
  # JSONStringsEachRowWithProgress, which PR #74181 (25.1) gave its meta line.
  @since:25.1
  Scenario: The page's answers come as JSONStringsEachRowWithProgress: the columns first, then a line per row
    When I run "SELECT number, toString(number * 10) AS tens FROM system.numbers LIMIT 2" with the URL parameters "add_http_cors_header=1&default_format=JSONStringsEachRowWithProgress&enable_http_compression=1&use_query_cache=1&enable_reads_from_query_cache=0&enable_writes_to_query_cache=1&query_cache_ttl=600&query_cache_nondeterministic_function_handling=save&query_cache_system_table_handling=ignore"
    Then the status is 200
    And the header "X-ClickHouse-Format" is "JSONStringsEachRowWithProgress"
    And the header "Content-Type" is "application/json; charset=UTF-8"
    And the body contains '{"meta":[{"name":"number","type":"UInt64"},{"name":"tens","type":"String"}]}\n{"row":{"number":"0","tens":"0"}}\n{"row":{"number":"1","tens":"10"}}\n'
    And the last line of the body is '{"rows_before_limit_at_least":2}'

  @browser
  Scenario: A query typed and run shows its rows in a table
    When I open "/play" in a browser
    And I type the query "SELECT number, toString(number * 10) AS tens FROM system.numbers LIMIT 3"
    And I press Run
    Then the result table shows:
      | number | tens |
      | 0      | 0    |
      | 1      | 10   |
      | 2      | 20   |
    And the error on the page is empty

  @browser
  Scenario: Ctrl+Enter runs the query too
    When I open "/play" in a browser
    And I type the query "SELECT 'hello' AS greeting"
    And I press Ctrl+Enter
    Then the result table shows:
      | greeting |
      | hello    |

  @browser
  Scenario: A query that names its own format shows the server's text as it is
    When I open "/play" in a browser
    And I type the query "SELECT 1 AS x, 'a' AS y FORMAT TabSeparated"
    And I press Run
    Then the result text is "1\ta"

  @browser
  Scenario: A bad query shows the ClickHouse error and no table
    When I open "/play" in a browser
    And I type the query "SELEKT 1"
    And I press Run
    Then the page shows the error code 62
    And the error on the page contains "Syntax error"
    And the page shows no result table

  @browser @suite-config
  Scenario: The query runs as the user and with the password typed into the page
    When I open "/play" in a browser
    And I enter the user "olapspec_plain" and the password "olapspec-plain-secret"
    And I type the query "SELECT currentUser() AS who"
    And I press Run
    Then the result table shows:
      | who            |
      | olapspec_plain |

  @browser @suite-config
  Scenario: A wrong password typed into the page shows the server's refusal
    When I open "/play" in a browser
    And I enter the user "olapspec_plain" and the password "not-the-password"
    And I type the query "SELECT 1"
    And I press Run
    Then the error on the page contains "olapspec_plain"
    And the page shows no result table

  @browser
  Scenario: The user named in the page's address fills the user field
    When I open "/play?user=olapspec_plain" in a browser
    Then the user field is "olapspec_plain"

  @browser
  Scenario: A query in the page's address after # (base64) fills the query field
    When I open "/play#U0VMRUNUIDQy" in a browser
    Then the query field is "SELECT 42"

  # How the rest of the address looks is the page's own affair (26.x adds the
  # tab's name, and leaves the user out while the field is empty).
  @browser @suite-config
  Scenario: After a run the page's address names the user and holds the query, never the password, so it can be shared
    When I open "/play" in a browser
    And I enter the user "olapspec_plain" and the password "olapspec-plain-secret"
    And I type the query "SELECT 42"
    And I press Run
    Then the result table shows:
      | 42 |
      | 42 |
    And the parameter "user" of the page address is "olapspec_plain"
    And the parameter "password" of the page address is absent
    And the page address ends with "#U0VMRUNUIDQy"
