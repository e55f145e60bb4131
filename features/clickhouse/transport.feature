@clickhouse @doc:http-interface
Feature: Transport: HTTPS, CORS and HEAD
  HTTPS can be enabled as well, on port 8443 by default, with the certificate
  and key the server configuration names (the suite's targets get a throwaway
  self-signed pair). add_http_cors_header=1 adds Access-Control-Allow-Origin
  for requests that come with an Origin. HEAD answers with the headers a GET
  would have, and no body.

  @https
  Scenario: GET / over HTTPS answers "Ok."
    When I GET "/" over HTTPS
    Then the status is 200
    And the body is "Ok.\n"

  @https
  Scenario: A query over HTTPS
    When I POST "SELECT 1" to "/" over HTTPS
    Then the status is 200
    And the body is "1\n"
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"

  @https
  Scenario: An error over HTTPS is the same error
    When I POST "SELEC 1" to "/" over HTTPS
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
  @since:25.1
  Scenario: Query answers expose the ClickHouse headers to scripts
    When I GET "/?query=SELECT%201"
    Then the header "Access-Control-Expose-Headers" is "X-ClickHouse-Query-Id,X-ClickHouse-Summary,X-ClickHouse-Server-Display-Name,X-ClickHouse-Format,X-ClickHouse-Timezone,X-ClickHouse-Exception-Code"

  Scenario: HEAD of a query answers with no body
    When I HEAD "/?query=SELECT%201"
    Then the status is 200
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"
    And the body is empty

  # Query id and summary are per request. 18.16 closed the connection after a
  # HEAD, so the connection headers are left out too.
  Scenario: HEAD answers with the headers GET answers with
    When I GET "/?query=SELECT%201%20FORMAT%20JSON" and then HEAD it
    Then the status is 200
    And the HEAD answer carries the headers of the GET answer, apart from "X-ClickHouse-Query-Id, X-ClickHouse-Summary, Connection, Keep-Alive"

  # 18.16 made only GET readonly: HEAD could create a table.
  @since:21.8
  Scenario: HEAD is readonly like GET
    When I HEAD "/?query=CREATE%20TABLE%20{t}%20(a%20UInt8)%20ENGINE%20%3D%20Memory"
    Then the status is 500
    And the header "X-ClickHouse-Exception-Code" is "164"
