@clickhouse @doc:default-database
Feature: Progress and summary headers
  With send_progress_in_http_headers=1 the answer carries X-ClickHouse-Progress
  headers while the query runs, at most every http_headers_progress_interval_ms
  and only before the body starts. Each is a JSON object whose values are
  decimal integers written as strings, such as
  {"read_rows":"2752512","read_bytes":"240570816","total_rows_to_read":"8880128"}.
  X-ClickHouse-Summary gives the totals the same way. Nothing here depends on
  timing beyond that: the queries sleep on every row so that there is progress
  to report, and the checks look at shape and values.

  # The Debian build of 18.16 sends no progress headers at all; progress left
  # out zero values from about 22.x.
  @since:22.8
  Scenario: Progress headers while a query runs
    When I run "SELECT max(sleepEachRow(0.02)) FROM numbers(40)" with the URL parameters "send_progress_in_http_headers=1&http_headers_progress_interval_ms=20&max_block_size=1"
    Then the status is 200
    And the body is "0\n"
    And the header "X-ClickHouse-Progress" comes at least 2 times
    And every X-ClickHouse-Progress header is a JSON object of decimal strings
    And the "read_rows" of the X-ClickHouse-Progress headers never decreases
    And the "read_rows" of the last X-ClickHouse-Progress header is at most 40

  Scenario: No progress headers unless the setting asks for them
    When I run "SELECT max(sleepEachRow(0.02)) FROM numbers(10)" with the URL parameters "http_headers_progress_interval_ms=20&max_block_size=1"
    Then the status is 200
    And the body is "0\n"
    And the header "X-ClickHouse-Progress" is absent

  # The summary is written with the headers; with wait_end_of_query=1 the
  # headers wait for the end of the query, so the summary has the final totals.
  @since:19.1
  Scenario: The summary counts the rows a query read
    When I run "SELECT sum(number) FROM numbers(10)" with the URL parameters "wait_end_of_query=1"
    Then the status is 200
    And the body is "45\n"
    And the "read_rows" of the header "X-ClickHouse-Summary" is "10"
    And the "read_bytes" of the header "X-ClickHouse-Summary" is "80"

  @since:19.1
  Scenario: The summary of an INSERT counts the rows it wrote
    Given I ran "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    When I run "INSERT INTO {t} VALUES (1), (2), (3)"
    Then the status is 200
    And the "written_rows" of the header "X-ClickHouse-Summary" is "3"
    And the "written_bytes" of the header "X-ClickHouse-Summary" is "3"

  @since:19.1
  Scenario: The summary of an INSERT ... SELECT counts both sides
    Given I ran "CREATE TABLE {t} (a UInt64) ENGINE = Memory"
    When I run "INSERT INTO {t} SELECT number FROM numbers(5)"
    Then the status is 200
    And the "read_rows" of the header "X-ClickHouse-Summary" is "5"
    And the "written_rows" of the header "X-ClickHouse-Summary" is "5"
    And the "written_bytes" of the header "X-ClickHouse-Summary" is "40"

  # result_rows came in about 22.x.
  @since:23.8
  Scenario: The summary counts the rows of the result
    When I run "SELECT number FROM numbers(10) WHERE number % 2 = 0" with the URL parameters "wait_end_of_query=1"
    Then the status is 200
    And the "result_rows" of the header "X-ClickHouse-Summary" is "5"
