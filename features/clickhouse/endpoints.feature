@clickhouse @doc:http-interface
Feature: Endpoints
  ClickHouse serves its HTTP interface on port 8123 by default. Besides queries,
  a few fixed paths answer health checks, and anything else gets a help text.

  Scenario: GET / answers "Ok." followed by a newline
    When I GET "/"
    Then the status is 200
    And the body is "Ok.\n"
    And the header "Content-Type" is "text/html; charset=UTF-8"

  Scenario: HEAD / answers like GET / without a body
    When I HEAD "/"
    Then the status is 200
    And the body is empty
    And the header "Content-Type" is "text/html; charset=UTF-8"

  Scenario: GET /ping always answers "Ok."
    When I GET "/ping"
    Then the status is 200
    And the body is "Ok.\n"

  Scenario: GET /replicas_status answers "Ok." when no replica lags
    When I GET "/replicas_status"
    Then the status is 200
    And the body is "Ok.\n"

  Scenario: GET /replicas_status?verbose=1 lists no replicas on a server without replicated tables
    When I GET "/replicas_status?verbose=1"
    Then the status is 200
    And the body is empty

  Scenario: An unknown path gets 404 and a text that explains where to go
    When I GET "/olapspec-no-such-handler"
    Then the status is 404
    And the body is the lines:
      """
      There is no handle /olapspec-no-such-handler

      Use / or /ping for health checks.
      Or /replicas_status for more sophisticated health checks.

      Send queries from your program with POST method or GET /?query=...

      Use clickhouse-client:

      For interactive data analysis:
          clickhouse-client

      For batch query processing:
          clickhouse-client --query='SELECT 1' > result
          clickhouse-client < query > result
      """

  # Up to about 20.4 every path with a query string went to the query handler
  # (18.16 answers /ping?x=1 with "Unknown setting x"); the handler factory of
  # newer servers matches /ping exactly.
  @since:20.5
  Scenario: /ping with a query string is not the ping handler
    When I GET "/ping?x=1"
    Then the status is 404
    And the body contains "There is no handle /ping?x=1"

  @since:20.5
  Scenario: POST to an unknown path is not a query
    When I POST "/olapspec-no-such-handler" with the body "SELECT 1"
    Then the status is 404
    And the body contains "There is no handle /olapspec-no-such-handler"

  Scenario: A method the server does not handle gets 501 with an empty body
    When I DELETE "/"
    Then the status is 501
    And the body is empty

  Scenario: Successful answers keep the connection alive
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the header "Connection" is "Keep-Alive"
    And the header "Keep-Alive" matches "^timeout=\d+"

  Scenario: An HTTP/1.0 request gets an HTTP/1.0 answer that closes the connection
    When I send the raw request "GET /?query=SELECT%201 HTTP/1.0\r\n\r\n"
    Then the status line is "HTTP/1.0 200 OK"
    And the header "Connection" is "Close"
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"
    And the header "X-ClickHouse-Server-Display-Name" is not empty
    And the header "Date" is not empty
    And the body is "1\n"

  # The seed's HTTP/1.0 example also shows a query id and a summary; 18.16 sends neither.
  @since:19.1
  Scenario: Query answers carry a generated query id
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the header "X-ClickHouse-Query-Id" matches "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"

  @since:19.1
  Scenario: The query_id parameter names the query
    When I GET "/?query=SELECT%201&query_id=olapspec-query-{q}"
    Then the status is 200
    And the header "X-ClickHouse-Query-Id" is "olapspec-query-{q}"
    And the body is "1\n"

  # The seed shows six keys; servers since about 23.x send eight (result_rows,
  # result_bytes and elapsed_ns were added), and 24.8 does too. The real system wins.
  @since:23.8 @until:25.11
  Scenario: Query answers carry a summary whose values are decimal strings
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the header "X-ClickHouse-Summary" matches '^\{"read_rows":"\d+","read_bytes":"\d+","written_rows":"\d+","written_bytes":"\d+","total_rows_to_read":"\d+","result_rows":"\d+","result_bytes":"\d+","elapsed_ns":"\d+"\}$'

  # 25.11 added the query's memory usage (PR #88393).
  @since:25.11
  Scenario: Query answers carry a summary with the memory usage, every value a decimal string
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the header "X-ClickHouse-Summary" matches '^\{"read_rows":"\d+","read_bytes":"\d+","written_rows":"\d+","written_bytes":"\d+","total_rows_to_read":"\d+","result_rows":"\d+","result_bytes":"\d+","elapsed_ns":"\d+","memory_usage":"\d+"\}$'

  @since:20.5
  Scenario: Query answers name the server's time zone
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the header "X-ClickHouse-Timezone" is not empty
