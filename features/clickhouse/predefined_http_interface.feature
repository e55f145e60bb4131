@clickhouse @doc:predefined_http_interface @suite-config
Feature: The predefined HTTP interface
  The server configuration can bind HTTP requests to handlers of its own
  choice with <http_handlers>: each <rule> names the url (exact, or `regex:`
  with named groups), methods and headers a request must have, and a handler:
  a query fixed in the configuration (predefined_query_handler), a query taken
  from a URL parameter (dynamic_query_handler), a fixed answer (static) or a
  redirect. Rules are tried in order and the first that matches answers;
  <defaults/> stands for the usual handlers (/, /ping, /?query=...).

  These scenarios need the suite's own configuration
  (steps/targets/config/config.xml), which holds the documentation's rules and
  a few of olapspec's under /olapspec_rules/. The rule-based handlers came with
  the handler-factory rewrite of spring 2020 (about 20.4-20.5); 18.16 ignores
  the section, so every scenario here names a version.

  The documentation's first example, a Prometheus exporter built from
  `SELECT * FROM system.metrics LIMIT 5 FORMAT Template SETTINGS ...`, needs
  template files the documentation does not show: the suite ships them in
  steps/targets/config/format_schemas/, read back from the documented output.
  Servers list other metrics than in 2020 (24.8: Query, Merge, MergeParts,
  Move, PartMutation) with values of their own, so its scenario checks the
  shape, not the numbers.

  # ---------------------------------------------------------------- the documentation's examples

  # Each metric is a HELP, a TYPE and a value line of the same name; Query,
  # the number of running queries, comes first and counts this one.
  @since:20.5
  Scenario: A predefined query answers system.metrics in Prometheus' text format through the Template format
    When I GET "/predefined_query"
    Then the status is 200
    And the header "Content-Type" is "text/plain; charset=UTF-8"
    And the header "X-ClickHouse-Format" is "Template"
    And the body has 15 lines
    And the body is made of 3-line blocks, each matching:
      """
      # HELP ("[A-Za-z]+") "[^"\n]*"
      # TYPE \1 counter
      \1 -?[0-9]+
      """
    And the body starts with "# HELP \"Query\" \"Number of executing queries\"\n# TYPE \"Query\" counter\n\"Query\" "

  # The rows come in the order the server declares its settings, which in 24.8
  # puts max_final_threads just before max_threads, as the documentation shows.
  # The documentation's values (1 and 2) are not used: a URL setting equal to
  # its current value is not applied, and max_threads' automatic value is the
  # number of cores, so on a 2-core server max_final_threads=2 reads back as
  # auto(2) (ClickHouse 26.7 on CI's machine). The values here are no core count.
  @since:20.5
  Scenario: predefined_query_handler takes its parameters from the url and a header, its settings from the URL
    Given the request header "XXX" is "TEST_HEADER_VALUE"
    And the request header "PARAMS_XXX" is "max_final_threads"
    When I GET "/query_param_with_url/max_threads?max_threads=97&max_final_threads=98"
    Then the status is 200
    And the body is "max_final_threads\t98\nmax_threads\t97\n"

  # The documentation prints max_threads first: the declaration order of 2020.
  # Servers list system.settings in their own declaration order, so the lines
  # are checked without their order.
  @since:20.5
  Scenario: dynamic_query_handler runs the query of its own URL parameter
    Given the request header "XXX" is "TEST_HEADER_VALUE_DYNAMIC"
    When I GET "/own?max_threads=97&max_final_threads=98&param_name_1=max_threads&param_name_2=max_final_threads&query_param=SELECT%20name,value%20FROM%20system.settings%20where%20name%20=%20%7Bname_1:String%7D%20OR%20name%20=%20%7Bname_2:String%7D"
    Then the status is 200
    And the body has 2 lines
    And the body has the line "max_threads\t97"
    And the body has the line "max_final_threads\t98"

  # http_response_headers on static handlers arrived in 2024 (about 24.7);
  # content_type is older.
  @since:24.7
  Scenario: static answers its status, content type, headers and text
    Given the request header "XXX" is "xxx"
    When I GET "/hi"
    Then the status is 402
    And the header "Content-Type" is "text/html; charset=UTF-8"
    And the header "Content-Language" is "en"
    And the header "X-My-Custom-Header" is "43"
    And the body is "Say Hi!"

  @since:20.5
  Scenario: The status line of a static answer carries the status's reason phrase
    When I send the raw request "GET /hi HTTP/1.1\r\nHost: olapspec\r\nXXX: xxx\r\nConnection: close\r\n\r\n"
    Then the status is 402
    And the status line is "HTTP/1.1 402 Payment Required"

  @since:24.7
  Scenario: http_response_headers can set the content type instead of content_type
    Given the request header "XXX" is "xxx"
    When I GET "/hi_content_type_in_headers"
    Then the status is 402
    And the header "Content-Type" is "text/html; charset=UTF-8"
    And the header "Content-Language" is "en"
    And the header "X-My-Custom-Header" is "43"
    And the body is "Say Hi!"

  @since:20.5
  Scenario: static sends a value of the server configuration with config://
    Given the request header "XXX" is "xxx"
    When I GET "/get_config_static_handler"
    Then the status is 200
    And the header "Content-Type" is "text/plain; charset=UTF-8"
    And the body is "<html ng-app=\"SMI2\"><head><base href=\"http://ui.tabix.io/\"></head><body><div ui-view=\"\" class=\"content-ui\"></div><script src=\"http://loader.tabix.io/master.js\"></script></body></html>"

  # file:///absolute_path_file.html is not an absolute path on the server's
  # disk: the leading slash is dropped and the file is read from user_files_path.
  @since:24.7
  Scenario: static sends a file of user_files_path named with file:///
    Given the request header "XXX" is "xxx"
    When I GET "/get_absolute_path_static_handler"
    Then the status is 200
    And the header "Content-Type" is "text/html; charset=UTF-8"
    And the header "ETag" is "737060cd8c284d8af7ad3082f209582d"
    And the body is "<html><body>Absolute Path File</body></html>\n"

  @since:24.7
  Scenario: static sends a file of user_files_path named with a relative path
    Given the request header "XXX" is "xxx"
    When I GET "/get_relative_path_static_handler"
    Then the status is 200
    And the header "Content-Type" is "text/html; charset=UTF-8"
    And the header "ETag" is "737060cd8c284d8af7ad3082f209582d"
    And the body is "<html><body>Relative Path File</body></html>\n"

  # ---------------------------------------------------------------- how rules match

  @since:20.5
  Scenario: A rule's headers must all be there: without them the request goes to the default handlers
    When I GET "/hi"
    Then the status is 404
    And the body contains "There is no handle /hi"

  @since:20.5
  Scenario: The default handlers still answer after the rules
    When I GET "/ping"
    Then the status is 200
    And the body is "Ok.\n"
    When I GET "/?query=SELECT%201"
    Then the status is 200
    And the body is "1\n"

  @since:20.5
  Scenario: The first rule that matches answers
    When I GET "/olapspec_rules/first"
    Then the status is 200
    And the body is "first rule"

  @since:20.5
  Scenario: The url is matched without the query string
    When I GET "/olapspec_rules/first?anything=1"
    Then the status is 200
    And the body is "first rule"

  @since:20.5
  Scenario: A regex url matches the whole path
    When I GET "/olapspec_rules/firsts"
    Then the body is "second rule"
    When I GET "/olapspec_rules/abc"
    Then the body is "letters only"
    When I GET "/olapspec_rules/abc1"
    Then the status is 404
    And the body contains "There is no handle /olapspec_rules/abc1"

  @since:20.5
  Scenario: A method the rule does not list passes the request on
    When I POST "/olapspec_rules/post_only" with the body ""
    Then the status is 200
    And the body is "posted"
    When I GET "/olapspec_rules/post_only"
    Then the status is 404
    And the body contains "There is no handle /olapspec_rules/post_only"

  @since:20.5
  Scenario: A missing header reads as an empty string
    When I GET "/olapspec_rules/header"
    Then the status is 200
    And the body is "quiet or no header"

  @since:20.5
  Scenario: A header that does not match passes the request to the next rule
    Given the request header "X-Olapspec-Mode" is "quiet"
    When I GET "/olapspec_rules/header"
    Then the body is "quiet or no header"
    Given the request header "X-Olapspec-Mode" is "loud"
    When I GET "/olapspec_rules/header"
    Then the body is "letters only"

  # ---------------------------------------------------------------- handlers

  @since:20.5
  Scenario: static without a response_content answers "Ok." as plain text
    When I GET "/olapspec_rules/defaults"
    Then the status is 200
    And the header "Content-Type" is "text/plain; charset=UTF-8"
    And the body is "Ok.\n"

  # PR #110108 (26.7): static answers are negotiated on Accept-Encoding, so
  # they name it in Vary whether they are compressed or not.
  @since:26.7
  Scenario: A static answer says Vary: Accept-Encoding, compressed or not
    When I GET "/olapspec_rules/first"
    Then the status is 200
    And the header "Vary" is "Accept-Encoding"
    And the header "Content-Encoding" is absent
    Given the request header "Accept-Encoding" is "gzip"
    When I GET "/olapspec_rules/first"
    Then the header "Vary" is "Accept-Encoding"
    And the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip is "first rule"

  # Whatever status the rule names, a failure while answering is a 500.
  @since:21.8
  Scenario: static with a file that does not exist answers 500 with INCORRECT_FILE_NAME
    When I GET "/olapspec_rules/missing_file"
    Then the request fails with status 500 and error code 79
    And the error name is "INCORRECT_FILE_NAME"
    And the error message starts with "Invalid file name "
    And the error message contains "olapspec_no_such_file.html for static HTTPHandler."

  # A file:// name must resolve inside user_files_path: ClickHouse's
  # StaticRequestHandler::writeResponse (src/Server/StaticRequestHandler.cpp)
  # resolves it with fs::weakly_canonical under the canonical user_files_path
  # and refuses a candidate outside it (pathStartsWith) with 291
  # PATH_ACCESS_DENIED, naming the file as the rule wrote it, its leading "/"
  # dropped. The check came as a security fix after 26.7.2.1, whose code only
  # tests that the resolved path exists; the release that first shipped it is
  # not known here. No real server in CI can check it: clickhouse-local sets
  # user_files_path to "" (expectations/clickhouse-chdb-26.7.yaml).
  @since:20.5
  Scenario: static refuses a file:// path that climbs out of user_files_path with ".."
    When I GET "/olapspec_rules/outside_user_files"
    Then the request fails with status 500 and error code 291
    And the error name is "PATH_ACCESS_DENIED"
    And the error message is "File `../../../../../../../../../../etc/passwd` for static HTTPHandler is not inside user files path"

  @since:20.5
  Scenario: static refuses a file:// path that names an absolute path outside user_files_path
    When I GET "/olapspec_rules/outside_user_files_absolute"
    Then the request fails with status 500 and error code 291
    And the error message is "File `/etc/passwd` for static HTTPHandler is not inside user files path"

  @since:21.8
  Scenario: static reads a file:// name as it is written, without percent-decoding it
    When I GET "/olapspec_rules/encoded_dots"
    Then the request fails with status 500 and error code 79
    And the error message starts with "Invalid file name "
    And the error message contains "/%2e%2e/%2e%2e/"

  @since:24.7
  Scenario: static resolves ".." inside a file:// name before it looks the file up
    When I GET "/olapspec_rules/dots_inside"
    Then the status is 200
    And the body is "<html><body>Absolute Path File</body></html>\n"

  @since:23.6
  Scenario: redirect answers 302 with the configured Location
    When I GET "/olapspec_rules/redirect"
    Then the status is 302
    And the header "Location" is "/olapspec_rules/first"
    And the body is empty

  @since:20.5
  Scenario: A named group of the url regex is a query parameter
    When I GET "/olapspec_rules/number/41?label=x"
    Then the status is 200
    And the body is "42\tx\n"

  @since:20.5
  Scenario: Parameters of the predefined query also come as param_<name>, other param_ values are ignored
    When I GET "/olapspec_rules/number/41?param_label=y&param_other=1"
    Then the status is 200
    And the body is "42\ty\n"

  # Context::setQueryParameter takes a name once: the URL's parameters come
  # first, then customizeContext adds the captures, and a second `n` is an error.
  @since:20.5
  Scenario: A URL parameter with the name of a url capture is refused
    When I GET "/olapspec_rules/number/41?n=7&label=z"
    Then the request fails with status 400 and error code 36
    And the error message starts with "Duplicate name `n` of query parameter"

  @since:20.5
  Scenario: A parameter given both as name= and as param_name= is refused
    When I GET "/olapspec_rules/number/41?label=z&param_label=y"
    Then the request fails with status 400 and error code 36
    And the error message starts with "Duplicate name `label` of query parameter"

  @since:20.5
  Scenario: Other URL parameters of a predefined query are settings
    When I GET "/olapspec_rules/number/41?label=x&olapspec_no_such_setting=1"
    Then the request fails with status 404 and error code 115

  # The `_request_body` parameter takes the request body (≈23.x).
  @since:23.8
  Scenario: The request body can be a parameter of the predefined query
    When I POST "/olapspec_rules/echo" with the body "hello predefined"
    Then the status is 200
    And the body is "hello predefined\n"

  @since:20.5
  Scenario: GET runs a predefined query readonly
    Given the request header "XXX" is "TEST_HEADER_VALUE"
    And the request header "PARAMS_XXX" is "readonly"
    When I GET "/query_param_with_url/max_threads?max_threads=97"
    Then the status is 200
    And the body has the line "readonly\t2"
    And the body has the line "max_threads\t97"
