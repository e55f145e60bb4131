@clickhouse @doc:http-interface
Feature: Queries
  A query comes in the `query` URL parameter, in the POST body, or in both: then
  the parameter comes first and a newline joins it to the body. GET implies
  readonly, so queries that change data need POST.

  Scenario: A query in the URL, as curl sends it
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the body is "1\n"
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"

  Scenario: A plus sign in the URL stands for a space
    When I GET "/?query=SELECT+1"
    Then the status is 200
    And the body is "1\n"

  Scenario: A query in the POST body
    When I POST "/" with the body "SELECT 1\n"
    Then the status is 200
    And the body is "1\n"

  Scenario: An empty query parameter with the query in the body
    When I POST "/?query=" with the body "SELECT 1\n"
    Then the status is 200
    And the body is "1\n"

  Scenario: The start of the query in the URL and the rest in the body
    When I POST "/?query=SELECT" with the body "1\n"
    Then the status is 200
    And the body is "1\n"

  Scenario: A GET request may carry the rest of the query in its body too
    When I GET "/?query=SELECT" with the body "1"
    Then the status is 200
    And the body is "1\n"

  # The seed shows "Code: 59" here; real servers answer 62 (SYNTAX_ERROR): the
  # newline that joins the two parts splits the keyword.
  Scenario: The joining newline splits a keyword cut in two
    When I POST "/?query=SEL" with the body "ECT 1\n"
    Then the request fails with status 400 and error code 62
    And the error message starts with "Syntax error: failed at position 1"

  Scenario: An empty body without a query parameter is an empty query
    When I POST "/" with the body ""
    Then the request fails with status 400 and error code 62
    And the error message is "Empty query"

  Scenario: An empty query string is an empty query
    When I GET "/?"
    Then the request fails with status 400 and error code 62
    And the error message is "Empty query"

  Scenario: Only one statement per request
    When I run "SELECT 1; SELECT 2"
    Then the request fails with status 400 and error code 62
    And the error message starts with "Syntax error (Multi-statements are not allowed)"

  Scenario: A trailing semicolon is not a second statement
    When I run "SELECT 1;"
    Then the status is 200
    And the body is "1\n"

  Scenario: GET refuses queries that change data
    When I run "CREATE TABLE {t} (a UInt8) ENGINE = Memory" over GET
    Then the request fails with status 500 and error code 164

  @since:24.1
  Scenario: GET explains why it refuses a query that changes data
    When I run "CREATE TABLE {t} (a UInt8) ENGINE = Memory" over GET
    Then the status is 500
    And the body is like "Code: 164. DB::Exception: default: Cannot execute query in readonly mode. For queries over HTTP, method GET implies readonly. You should use method POST for modifying queries. (READONLY) (version {version})\n"

  Scenario: POST may change data
    When I run "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    Then the status is 200
    And the body is empty
    When I run "EXISTS TABLE {t}"
    Then the body is "1\n"

  Scenario: GET accepts readonly=2, which it implies anyway
    When I GET "/?query=SELECT%201&readonly=2"
    Then the status is 200
    And the body is "1\n"

  Scenario: GET cannot lower readonly to 1
    When I GET "/?query=SELECT%201&readonly=1"
    Then the request fails with status 500 and error code 164

  Scenario: POST with readonly=1 refuses queries that change data
    When I run "CREATE TABLE {t} (a UInt8) ENGINE = Memory" with the URL parameters "readonly=1"
    Then the request fails with status 500 and error code 164

  Scenario: POST with readonly=1 still answers reading queries
    When I run "SELECT 1" with the URL parameters "readonly=1"
    Then the status is 200
    And the body is "1\n"

  Scenario: URL parameters other than the reserved ones are settings
    When I run "SELECT number FROM system.numbers LIMIT 3" with the URL parameters "max_result_rows=1&result_overflow_mode=throw"
    Then the request fails with status 500 and error code 396

  Scenario: A query no longer than max_query_size is accepted
    When I POST "/?max_query_size=8" with the body "select 1"
    Then the status is 200
    And the body is "1\n"

  Scenario: A query longer than max_query_size is refused
    When I POST "/?max_query_size=7" with the body "select 1"
    Then the request fails with status 400 and error code 62
    And the error message contains "Max query size exceeded"

  # The request line is read before any query handling: the answer is a 400
  # without a ClickHouse error body. 18.16 (through its Poco) refused URIs
  # over 16 KiB; newer servers allow 1 MiB (http_max_uri_size). Over 1 MiB both refuse.
  @until:26.3
  Scenario: A request URI over 1 MiB is refused with a bare 400
    When I send a raw GET request whose URI is 1100000 bytes long
    Then the status is 400
    And the header "Connection" is "Close"
    And the body is empty

  # From 26.3 the 400 carries the parser's message as text/plain: PR #98268
  # (HTTPServerConnection::sendErrorResponse).
  @since:26.3
  Scenario: A request URI over 1 MiB is refused with a 400 that names the reason
    When I send a raw GET request whose URI is 1100000 bytes long
    Then the status is 400
    And the header "Connection" is "Close"
    And the header "Content-Type" is "text/plain"
    And the body is "HTTP request URI invalid or too long"

  @since:22.1
  Scenario: A request URI under 1 MiB is accepted
    When I send a raw GET request whose URI is 100000 bytes long
    Then the status is 200
    And the body is "1\n"

  Scenario: A large result streams to the end
    When I GET "/?query=SELECT%20number%20FROM%20system.numbers%20LIMIT%2010000000"
    Then the status is 200
    And the body has 10000000 lines
    And the body is 78888890 bytes long
    And the last line of the body is "9999999"
