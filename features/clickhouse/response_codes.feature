@clickhouse @doc:http_response_codes_caveats
Feature: HTTP response code caveats
  Because of how HTTP works, 200 does not prove that a query succeeded. The
  status and headers are sent before the body; when an error occurs after data
  has gone out, the server can only add the error text to the body: appended
  up to 24.10, after an "__exception__" marker with the connection broken from
  24.11, framed with the answer's X-ClickHouse-Exception-Tag from 25.11. The
  only way to catch every error is to look at the body (or to buffer the whole
  answer, see response buffering).

  # The documentation's example. 18.16 did not flush per block: an error within
  # the first MiB of output still came back as a clean 500 there. Up to 24.10
  # the error text follows the data and the chunked body ends as usual.
  @since:21.8 @until:24.11
  Scenario: An error after the first rows: status 200 and the error text in the body
    When I GET "/?max_block_size=1&query=select+sleepEachRow(0.001),throwIf(number=2)from+numbers(5)"
    Then the status is 200
    And the body starts with "0\t0\n0\t0\n"
    And the body ends with a ClickHouse error with code 395
    And the message of the error at the end of the body starts with "Value passed to 'throwIf' function is non-zero"
    And the body came to its proper end

  # 24.11 to 25.10 put a marker line before the text and break the HTTP framing
  # so that no client takes the partial answer for a whole one: no last chunk,
  # the connection closed. Read in PR #68800 (WriteBufferFromHTTPServerResponse::
  # cancelWithException writes "__exception__\r\n" and the message, then cancels).
  @since:24.11 @until:25.11
  Scenario: An error after the first rows: a marker, the error text, and a broken answer
    When I GET "/?max_block_size=1&query=select+sleepEachRow(0.001),throwIf(number=2)from+numbers(5)"
    Then the status is 200
    And the body before the error at its end is "0\t0\n0\t0\n"
    And the body ends with an "__exception__" line and then a ClickHouse error with code 395
    And the server closed the connection before the body came to its end

  # Since 25.11 (PR #88818) every answer names a random tag in
  # X-ClickHouse-Exception-Tag, and the error comes framed with it:
  # "\r\n__exception__\r\n<tag>\r\n<text>\n<length of text> <tag>\r\n__exception__\r\n".
  # How many of the rows before the error go out depends on timing: parallel
  # formatting drops the blocks it is still formatting when the error comes.
  # A fifth of a second per row gives the first rows time to leave (with a
  # millisecond, a busy machine saw one row, two, or none and a 500).
  @since:25.11
  Scenario: An error after the first rows: the error text framed with the answer's exception tag
    When I GET "/?max_block_size=1&query=select+sleepEachRow(0.2),throwIf(number=2)from+numbers(5)"
    Then the status is 200
    And the header "X-ClickHouse-Exception-Tag" matches "^[a-z]{16}$"
    And the body before the error at its end matches "^(0\t0\n){1,2}$"
    And the body ends with an exception block framed with the answer's X-ClickHouse-Exception-Tag, with code 395
    And the message of the error at the end of the body starts with "Value passed to 'throwIf' function is non-zero"
    And the server closed the connection before the body came to its end

  # Over a mebibyte of rows goes out before the error on every version.
  @until:24.11
  Scenario: An error after a large part of the answer: status 200 and the error text at the end
    When I run "SELECT number, throwIf(number = 300000) FROM numbers(400000)" with the URL parameters "max_block_size=1000"
    Then the status is 200
    And the body starts with "0\t0\n1\t0\n2\t0\n"
    And the body has the line "299999\t0"
    And the body ends with a ClickHouse error with code 395
    And the body came to its proper end

  # Read in PR #68800, as above. Parallel formatting drops the blocks it is
  # still formatting when the error comes (26.7 sends none of the last ones);
  # without it every row before the error goes out.
  @since:24.11 @until:25.11
  Scenario: An error after a large part of the answer: the marker and the error text end a broken answer
    When I run "SELECT number, throwIf(number = 300000) FROM numbers(400000)" with the URL parameters "max_block_size=1000&output_format_parallel_formatting=0"
    Then the status is 200
    And the body starts with "0\t0\n1\t0\n2\t0\n"
    And the body has the line "299999\t0"
    And the body ends with an "__exception__" line and then a ClickHouse error with code 395
    And the server closed the connection before the body came to its end

  @since:25.11
  Scenario: An error after a large part of the answer: the tagged exception block ends a broken answer
    When I run "SELECT number, throwIf(number = 300000) FROM numbers(400000)" with the URL parameters "max_block_size=1000&output_format_parallel_formatting=0"
    Then the status is 200
    And the body starts with "0\t0\n1\t0\n2\t0\n"
    And the body has the line "299999\t0"
    And the body ends with an exception block framed with the answer's X-ClickHouse-Exception-Tag, with code 395
    And the server closed the connection before the body came to its end

  Scenario: An error before any output still gets an error status
    When I run "SELECT throwIf(number = 0) FROM numbers(5)"
    Then the request fails with status 500 and error code 395
