@clickhouse @doc:response-buffering
Feature: Response buffering
  The server can hold the answer back before sending it: buffer_size (or the
  setting http_response_buffer_size) bytes in memory, or the whole answer with
  wait_end_of_query=1 (or http_wait_end_of_query), in a temporary file beyond
  memory. Then the status and headers go out only when the query has ended,
  so an error gets a proper error status instead of a 200 already sent.

  Scenario: A buffered answer arrives whole
    When I run "SELECT toUInt8(number) FROM system.numbers LIMIT 9000000 FORMAT RowBinary" with the URL parameters "buffer_size=3000000&wait_end_of_query=1"
    Then the status is 200
    And the body is 9000000 bytes long

  # The documentation's own example: its result (9,000,000 bytes) is larger
  # than its max_result_bytes, so a real server refuses it, and because the
  # answer is buffered the refusal comes with a proper status.
  Scenario: The documentation's example exceeds its own max_result_bytes
    When I run "SELECT toUInt8(number) FROM system.numbers LIMIT 9000000 FORMAT RowBinary" with the URL parameters "max_result_bytes=4000000&buffer_size=3000000&wait_end_of_query=1"
    Then the request fails with status 500 and error code 396

  Scenario: With wait_end_of_query=1 an error late in the answer gets an error status
    When I run "SELECT number, throwIf(number = 300000) FROM numbers(400000)" with the URL parameters "max_block_size=1000&wait_end_of_query=1"
    Then the request fails with status 500 and error code 395

  Scenario: With wait_end_of_query=1 the data before the error is dropped
    When I run "SELECT sleepEachRow(0.001), throwIf(number = 2) FROM numbers(5)" with the URL parameters "max_block_size=1&wait_end_of_query=1"
    Then the status is 500
    And the body starts with "Code: 395"

  @since:23.8
  Scenario: The setting http_wait_end_of_query buffers the whole answer too
    When I run "SELECT sleepEachRow(0.001), throwIf(number = 2) FROM numbers(5)" with the URL parameters "max_block_size=1&http_wait_end_of_query=1"
    Then the request fails with status 500 and error code 395

  Scenario: A buffered answer without error is the same as an unbuffered one
    When I run "SELECT number FROM numbers(5)" with the URL parameters "wait_end_of_query=1"
    Then the status is 200
    And the body is "0\n1\n2\n3\n4\n"

  # Memory buffering starts above 1 MiB (smaller values count as 1 MiB).
  Scenario: An error within buffer_size bytes of output gets an error status
    When I run "SELECT sleepEachRow(0.001), throwIf(number = 2) FROM numbers(5)" with the URL parameters "max_block_size=1&buffer_size=2000000"
    Then the request fails with status 500 and error code 395

  @since:23.8
  Scenario: The setting http_response_buffer_size buffers like buffer_size
    When I run "SELECT sleepEachRow(0.001), throwIf(number = 2) FROM numbers(5)" with the URL parameters "max_block_size=1&http_response_buffer_size=2000000"
    Then the request fails with status 500 and error code 395

  Scenario: An answer larger than buffer_size arrives whole
    When I run "SELECT number FROM numbers(300000)" with the URL parameters "buffer_size=1100000"
    Then the status is 200
    And the body has 300000 lines
    And the last line of the body is "299999"
