@clickhouse @doc:valid-output-on-exception-http-streaming
Feature: Valid JSON and XML when an exception interrupts streaming
  When data has already been sent and the query then fails, the error text
  would break a JSON or XML document. With http_write_exception_in_output_format
  (on by default from 23.9 to 25.10) the JSON* and XML formats write the
  exception inside the document instead, and the document stays valid.

  The scenarios turn parallel formatting off: with it, the blocks still being
  formatted when the error comes are dropped, and how many rows precede the
  exception varies from run to run. Where they spell out rows they ask for
  quoted 64-bit integers, the default up to 25.7.

  @since:23.9
  Scenario: JSON: the rows so far, then "exception" in place of the statistics
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSON+settings+max_block_size=1&http_write_exception_in_output_format=1&output_format_parallel_formatting=0"
    Then the status is 200
    And the keys of the JSON body are "meta, data, rows, exception"
    And the JSON field "data" is an array of 3 items
    And the JSON field "rows" is the number 3
    And the JSON field "exception" is like "Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero{any}. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version {version})"

  @since:23.9
  Scenario: JSON: the rows before the exception are the rows the query produced
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSON+settings+max_block_size=1&http_write_exception_in_output_format=1&output_format_parallel_formatting=0&output_format_json_quote_64bit_integers=1"
    Then the body contains "\t\t{\n\t\t\t\"number\": \"2\",\n\t\t\t\"throwIf(greater(number, 2))\": 0\n\t\t}\n\t],\n\n\t\"rows\": 3,\n\n\t\"exception\": \"Code: 395. DB::Exception: "
    And the body ends with "\"\n}\n"

  @since:23.9
  Scenario: JSONEachRow: a last line that holds the exception
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSONEachRow+settings+max_block_size=1&http_write_exception_in_output_format=1&output_format_parallel_formatting=0&output_format_json_quote_64bit_integers=1"
    Then the status is 200
    And the body starts with "{\"number\":\"0\",\"throwIf(greater(number, 2))\":0}\n{\"number\":\"1\",\"throwIf(greater(number, 2))\":0}\n{\"number\":\"2\",\"throwIf(greater(number, 2))\":0}\n"
    And the body has 4 lines
    And the last line of the body is like "{\"exception\": \"Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero{any}. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version {version})\"}"

  @since:23.9
  Scenario: XML: the rows so far, then an exception element
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+XML+settings+max_block_size=1&http_write_exception_in_output_format=1&output_format_parallel_formatting=0"
    Then the status is 200
    And the body starts with "<?xml version='1.0' encoding='UTF-8' ?>\n<result>\n\t<meta>\n"
    And the body contains "\t\t<row>\n\t\t\t<number>2</number>\n\t\t\t<field>0</field>\n\t\t</row>\n\t</data>\n\t<rows>3</rows>\n\t<exception>Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero"
    And the body is like "{anything}(FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version {version})</exception>\n</result>\n"

  # With the whole answer buffered, the data is dropped: a fresh document with
  # no rows, the exception, and a proper error status.
  @since:23.9
  Scenario: JSON with wait_end_of_query=1: no rows, the exception, an error status
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSON+settings+max_block_size=1&http_write_exception_in_output_format=1&wait_end_of_query=1"
    Then the status is 500
    And the header "X-ClickHouse-Exception-Code" is "395"
    And the JSON field "data" is an array of 0 items
    And the JSON field "rows" is the number 0
    And the JSON field "exception" is like "Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero{any}"

  # The setting off: the error comes after the partial document as for any
  # format, in the framing of the version (see response_codes.feature).
  @since:23.9 @until:24.11
  Scenario: Without the setting the exception is plain text after the data
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSONEachRow+settings+max_block_size=1&http_write_exception_in_output_format=0&output_format_parallel_formatting=0"
    Then the status is 200
    And the body ends with a ClickHouse error with code 395
    And the body came to its proper end

  # Read in PR #68800 (WriteBufferFromHTTPServerResponse::cancelWithException).
  @since:24.11 @until:25.11
  Scenario: Without the setting the exception follows an "__exception__" line and the answer is broken off
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSONEachRow+settings+max_block_size=1&http_write_exception_in_output_format=0&output_format_parallel_formatting=0"
    Then the status is 200
    And the body ends with an "__exception__" line and then a ClickHouse error with code 395
    And the server closed the connection before the body came to its end

  @since:25.11
  Scenario: Without the setting the exception comes framed with the answer's exception tag
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSONEachRow+settings+max_block_size=1&http_write_exception_in_output_format=0&output_format_parallel_formatting=0&output_format_json_quote_64bit_integers=1"
    Then the status is 200
    And the body before the error at its end is "{\"number\":\"0\",\"throwIf(greater(number, 2))\":0}\n{\"number\":\"1\",\"throwIf(greater(number, 2))\":0}\n{\"number\":\"2\",\"throwIf(greater(number, 2))\":0}\n"
    And the body ends with an exception block framed with the answer's X-ClickHouse-Exception-Tag, with code 395
    And the server closed the connection before the body came to its end

  # 25.11 turned the setting off by default "for consistency across formats"
  # (PR #88818, system.settings_changes): the tagged block serves every format.
  @since:23.9 @until:25.11
  Scenario: The setting is on by default: the JSON document states the exception
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSON+settings+max_block_size=1&output_format_parallel_formatting=0"
    Then the status is 200
    And the keys of the JSON body are "meta, data, rows, exception"
    And the JSON field "rows" is the number 3

  @since:25.11
  Scenario: The setting is off by default: the partial JSON document, then the tagged exception block
    When I GET "/?query=SELECT+number,+throwIf(number>2)+from+system.numbers+format+JSON+settings+max_block_size=1&output_format_parallel_formatting=0"
    Then the status is 200
    And the body ends with an exception block framed with the answer's X-ClickHouse-Exception-Tag, with code 395
    And the server closed the connection before the body came to its end
