@clickhouse @doc:http_response_codes_caveats
Feature: HTTP response code caveats
  Because of how HTTP works, 200 does not prove that a query succeeded. The
  status and headers are sent before the body; when an error occurs after data
  has gone out, the server can only append the error text to the body. The
  only way to catch every error is to look at the body (or to buffer the whole
  answer, see response buffering).

  # The documentation's example. 18.16 did not flush per block: an error within
  # the first MiB of output still came back as a clean 500 there.
  @since:21.8
  Scenario: An error after the first rows: status 200 and the error text in the body
    When I GET "/?max_block_size=1&query=select+sleepEachRow(0.001),throwIf(number=2)from+numbers(5)"
    Then the status is 200
    And the body starts with "0\t0\n0\t0\n"
    And the body ends with a ClickHouse error with code 395
    And the message of the error at the end of the body starts with "Value passed to 'throwIf' function is non-zero"

  # Over a mebibyte of rows goes out before the error on every version.
  Scenario: An error after a large part of the answer: status 200 and the error text at the end
    When I run "SELECT number, throwIf(number = 300000) FROM numbers(400000)" with the URL parameters "max_block_size=1000"
    Then the status is 200
    And the body starts with "0\t0\n1\t0\n2\t0\n"
    And the body contains the line "299999\t0"
    And the body ends with a ClickHouse error with code 395

  Scenario: An error before any output still gets an error status
    When I run "SELECT throwIf(number = 0) FROM numbers(5)"
    Then the request fails with status 500 and error code 395
