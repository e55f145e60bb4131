@clickhouse @doc:compression
Feature: HTTP compression
  A request body may be compressed with the method its Content-Encoding names.
  Responses are compressed when the enable_http_compression setting is on and
  Accept-Encoding names a method the server supports.

  Scenario: A gzip-compressed request body
    Given the request header "Content-Encoding" is "gzip"
    When I POST gzip-compressed "SELECT 1\n" to "/"
    Then the status is 200
    And the body is "1\n"

  Scenario: A gzip-compressed response when compression is enabled
    Given the request header "Accept-Encoding" is "gzip"
    When I POST "SELECT number FROM system.numbers LIMIT 3" to "/?enable_http_compression=1"
    Then the status is 200
    And the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip is "0\n1\n2\n"

  Scenario: A deflate-compressed response when compression is enabled
    Given the request header "Accept-Encoding" is "deflate"
    When I POST "SELECT number FROM system.numbers LIMIT 3" to "/?enable_http_compression=1"
    Then the status is 200
    And the header "Content-Encoding" is "deflate"
    And the body decompressed with deflate is "0\n1\n2\n"

  # enable_http_compression is off by default until 25.9.
  Scenario: No compression unless the setting enables it
    Given the request header "Accept-Encoding" is "gzip"
    When I POST "SELECT number FROM system.numbers LIMIT 3" to "/?enable_http_compression=0"
    Then the status is 200
    And the header "Content-Encoding" is absent
    And the body is "0\n1\n2\n"
