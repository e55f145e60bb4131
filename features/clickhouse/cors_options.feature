@clickhouse @doc:http-interface
Feature: OPTIONS and the CORS headers of http_options_response
  With <http_options_response> in the server configuration, an OPTIONS request
  gets 204 No Content with each configured header, the connection closes, and
  every other request that names an Origin gets the same headers, even one
  that fails to log in; the add_http_cors_header setting is then ignored.
  Header entries with an empty name are skipped. Without that section
  ClickHouse leaves an OPTIONS request unanswered.

  These scenarios need the server started with another configuration
  (@server-config:NAME, steps/targets/config/variants/NAME.xml): the suite
  starts a second server of the target's kind for them, and skips them on a
  server it did not start. OPTIONS support came with ClickHouse 21.10 (PR
  #29155); the headers went on every Origin request, before authentication,
  and add_http_cors_header gave way to them in 22.10 (PR #41792). 18.16 leaves
  an OPTIONS request hanging.

  # ClickHouse test 02029_test_options_requests with tests/config/config.d/CORS.xml.
  @since:21.10 @server-config:cors
  Scenario: OPTIONS answers 204 with the configured headers and closes the connection
    When I send the raw request "OPTIONS / HTTP/1.1\r\nHost: olapspec\r\n\r\n"
    Then the status line is "HTTP/1.1 204 No Content"
    And the header lines, apart from "Date", are:
      """
      Connection: Close
      Access-Control-Allow-Origin: *
      Access-Control-Allow-Headers: origin, x-requested-with
      Access-Control-Allow-Methods: POST, GET, OPTIONS
      Access-Control-Max-Age: 86400
      """
    And the body is empty

  @since:21.10 @server-config:cors
  Scenario: OPTIONS with a query string is answered the same way, without running it
    When I OPTIONS "/?query=SELECT%20throwIf(1)"
    Then the status is 204
    And the header "Access-Control-Allow-Methods" is "POST, GET, OPTIONS"
    And the header "X-ClickHouse-Exception-Code" is absent
    And the body is empty

  @since:22.10 @server-config:cors
  Scenario: A query that names an Origin gets the configured headers
    Given the request header "Origin" is "http://olapspec.example"
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the header "Access-Control-Allow-Origin" is "*"
    And the header "Access-Control-Allow-Headers" is "origin, x-requested-with"
    And the header "Access-Control-Allow-Methods" is "POST, GET, OPTIONS"
    And the header "Access-Control-Max-Age" is "86400"
    And the body is "1\n"

  @since:22.10 @server-config:cors
  Scenario: A query without an Origin gets none of them
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the header "Access-Control-Allow-Origin" is absent
    And the header "Access-Control-Max-Age" is absent

  # The second half of 02029: the headers are added before the login is checked.
  # (A failed login as default is 403 until 24.12 and 401 from then on.)
  @since:22.10 @server-config:cors
  Scenario: A failed login that names an Origin still gets the configured headers
    Given the request header "Origin" is "clickhouse-test"
    When I POST "/?password=wrong_password" with the body "SELECT 1"
    Then the request is refused with status 401 or 403
    And the header "Access-Control-Allow-Origin" is "*"
    And the header "Access-Control-Allow-Headers" is "origin, x-requested-with"
    And the header "Access-Control-Allow-Methods" is "POST, GET, OPTIONS"
    And the header "Access-Control-Max-Age" is "86400"

  @since:22.10 @server-config:options_headers
  Scenario: add_http_cors_header is ignored when http_options_response is configured
    Given the request header "Origin" is "http://olapspec.example"
    When I GET "/?query=SELECT%201&add_http_cors_header=1"
    Then the status is 200
    And the header "X-Olapspec-Options" is "configured"
    And the header "Access-Control-Allow-Origin" is absent

  @since:21.10 @server-config:options_headers
  Scenario: A header entry with an empty name is skipped
    When I send the raw request "OPTIONS / HTTP/1.1\r\nHost: olapspec\r\n\r\n"
    Then the status line is "HTTP/1.1 204 No Content"
    And the header lines, apart from "Date", are:
      """
      Connection: Close
      X-Olapspec-Options: configured
      """

  # The suite's own config.xml has no http_options_response (a server of your
  # own may have one: ClickHouse's packaged config is said to ship it). The
  # handler returns without sending anything; asked to close, the server then
  # closes the connection (kept alive, it would wait keep_alive_timeout first).
  @since:22.10 @suite-config
  Scenario: Without http_options_response an OPTIONS request gets no answer at all
    When I send the raw request "OPTIONS / HTTP/1.1\r\nHost: olapspec\r\nConnection: close\r\n\r\n" and wait until the server closes the connection
    Then the server closed the connection without sending anything
