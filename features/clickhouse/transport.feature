@clickhouse @doc:http-interface
Feature: Transport: HTTPS, CORS and HEAD
  HTTPS can be enabled as well, on port 8443 by default, with the certificate
  and key the server configuration names (the suite's targets get a throwaway
  self-signed pair). add_http_cors_header=1 adds Access-Control-Allow-Origin
  for requests that come with an Origin. HEAD answers with the headers a GET
  would have, and no body.

  @https
  Scenario: GET / over HTTPS answers "Ok."
    Given the requests go over HTTPS
    When I GET "/"
    Then the status is 200
    And the body is "Ok.\n"

  @https
  Scenario: A query over HTTPS
    Given the requests go over HTTPS
    When I POST "/" with the body "SELECT 1"
    Then the status is 200
    And the body is "1\n"
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"

  @https
  Scenario: An error over HTTPS is the same error
    Given the requests go over HTTPS
    When I POST "/" with the body "SELEC 1"
    Then the request fails with status 400 and error code 62

  Scenario: add_http_cors_header=1 allows any origin
    Given the request header "Origin" is "http://olapspec.example"
    When I GET "/?query=SELECT%201&add_http_cors_header=1"
    Then the status is 200
    And the header "Access-Control-Allow-Origin" is "*"
    And the body is "1\n"

  Scenario: Without add_http_cors_header there is no CORS header
    Given the request header "Origin" is "http://olapspec.example"
    When I GET "/?query=SELECT%201&add_http_cors_header=0"
    Then the status is 200
    And the header "Access-Control-Allow-Origin" is absent

  Scenario: Without an Origin there is no CORS header
    When I GET "/?query=SELECT%201&add_http_cors_header=1"
    Then the status is 200
    And the header "Access-Control-Allow-Origin" is absent

  # Since 25.1 (ClickHouse PR #74180) servers tell browsers which of their headers scripts may read.
  # No server in CI is in this range: the list is 26.7's without the tag that
  # PR #88818 added to it (PR #74995 had widened it to these six in 25.1).
  @since:25.1 @until:25.11
  Scenario: Query answers expose the ClickHouse headers to scripts
    When I GET "/?query=SELECT%201"
    Then the header "Access-Control-Expose-Headers" is "X-ClickHouse-Query-Id,X-ClickHouse-Summary,X-ClickHouse-Server-Display-Name,X-ClickHouse-Format,X-ClickHouse-Timezone,X-ClickHouse-Exception-Code"

  # 25.11 (PR #88818) added the exception tag, which scripts need to read to find a mid-stream error.
  @since:25.11
  Scenario: Query answers expose the ClickHouse headers, the exception tag among them, to scripts
    When I GET "/?query=SELECT%201"
    Then the header "Access-Control-Expose-Headers" is "X-ClickHouse-Query-Id,X-ClickHouse-Summary,X-ClickHouse-Server-Display-Name,X-ClickHouse-Format,X-ClickHouse-Timezone,X-ClickHouse-Exception-Code,X-ClickHouse-Exception-Tag"

  Scenario: HEAD of a query answers with no body
    When I HEAD "/?query=SELECT%201"
    Then the status is 200
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"
    And the body is empty

  # Query id, summary and (from 25.11) the exception tag are per request: the
  # tag is random for every answer, HEAD answers included. 18.16 closed the
  # connection after a HEAD, so the connection headers are left out too.
  Scenario: HEAD answers with the headers GET answers with
    When I GET "/?query=SELECT%201%20FORMAT%20JSON" and then HEAD it
    Then the status is 200
    And the HEAD answer carries the headers of the GET answer, apart from "X-ClickHouse-Query-Id, X-ClickHouse-Summary, X-ClickHouse-Exception-Tag, Connection, Keep-Alive"

  @since:25.11
  Scenario: HEAD answers carry an exception tag of their own
    When I GET "/?query=SELECT%201%20FORMAT%20JSON" and then HEAD it
    Then the HEAD answer's header "X-ClickHouse-Exception-Tag" matches "^[a-z]{16}$" and differs from the GET answer's

  # 18.16 made only GET readonly: HEAD could create a table.
  @since:21.8
  Scenario: HEAD is readonly like GET
    When I HEAD "/?query=CREATE%20TABLE%20{t}%20(a%20UInt8)%20ENGINE%20%3D%20Memory"
    Then the status is 500
    And the header "X-ClickHouse-Exception-Code" is "164"

  # keep_alive_timeout and max_keep_alive_requests come from config.xml; the
  # variant sets 7 and 3 (steps/targets/config/variants/http_limits.xml).
  # Servers before max_keep_alive_requests (18.16) say only `timeout=`.
  @server-config:http_limits
  Scenario: keep_alive_timeout is the Keep-Alive header's timeout
    When I send the raw request "GET /?query=SELECT%201 HTTP/1.1\r\nHost: olapspec\r\n\r\n"
    Then the status is 200
    And the header "Keep-Alive" matches "^timeout=7(, max=\d+)?$"

  # Poco's session takes one off max_keep_alive_requests before each request
  # and cannot keep the connection once none are left: the last request it
  # serves is answered with Connection: Close.
  @since:23.1 @server-config:http_limits
  Scenario: max_keep_alive_requests counts down in the Keep-Alive header and then closes the connection
    When I run "SELECT 1" 4 times on one connection
    Then the connection carried 3 answers
    And the header "Keep-Alive" of answer 1 is "timeout=7, max=2"
    And the header "Keep-Alive" of answer 2 is "timeout=7, max=1"
    And the header "Connection" of answer 3 is "Close"
    And the header "Keep-Alive" of answer 3 is absent
