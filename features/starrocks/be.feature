@starrocks @catalog @doc:be
Feature: BE endpoints
  The BE's HTTP server (port 8040) asks for no credentials. Handlers are found
  per method, so a path under another method is 404 "Not Found". Most answers
  are HTTP 200 even for errors; JSON comes from rapidjson's PrettyWriter (four
  spaces, `"key": value`), BE statuses as `{"status": "Success"|"Fail", "msg": …}`
  (http_service.cpp, json_util.cpp).

  # --- /api/health (health_action.cpp): a hand-written body ---

  Scenario: /api/health answers a fixed JSON body
    When I GET "/api/health" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is '{"status": "OK","msg": "To Be Added"}'

  Scenario: A path the BE does not know is 404
    When I POST "/api/olapspec_no_such_action" on the BE without credentials
    Then the status is 404

  # --- Downloads (download_action.cpp): the cluster token guards them ---

  Scenario Outline: <path> needs a file parameter
    When I GET "<path>" on the BE without credentials
    Then the status is 200
    And the body is "parameter file not specified in url."

    Examples:
      | path                  |
      | /api/_download_load   |
      | /api/_tablet/_download |
      | /api/_load_error_log  |

  Scenario Outline: <path> needs the cluster token
    When I GET "<path>?file=/tmp/olapspec" on the BE without credentials
    Then the status is 200
    And the body is "token is not specified."
    When I GET "<path>?file=/tmp/olapspec&token=olapspec-wrong-token" on the BE without credentials
    Then the status is 200
    And the body is "invalid token."

    Examples:
      | path                   |
      | /api/_download_load    |
      | /api/_tablet/_download |

  Scenario Outline: <path> with the cluster token serves only its own directories
    Given I noted the header "token" of GET "/check" from an FE host as "token"
    When I GET "<path>?file=/etc/passwd&token={token}" on the BE without credentials
    Then the status is 200
    And the body is "file path is not allowed: /etc/passwd"

    Examples:
      | path                   |
      | /api/_download_load    |
      | /api/_tablet/_download |

  Scenario: _load_error_log refuses a path outside the error log directory
    When I GET "/api/_load_error_log?file=../../../../etc/passwd" on the BE without credentials
    Then the status is 200
    And the body starts with "file path is not allowed: "

  Scenario: HEAD on an error log answers like GET without the body
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"
    And the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "1"
    When I stream load "1,a,10\n2,b\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    When I HEAD the ErrorURL of the answer without credentials
    Then the status is 200
    And the body is empty

  # --- pprof (pprof_actions.cpp) ---

  Scenario: /pprof/heap answers a heap profile
    When I GET "/pprof/heap?seconds=1" on the BE without credentials
    Then the status is 200
    And the body is not empty

  Scenario: /pprof/profile answers a CPU profile of the given seconds
    When I GET "/pprof/profile?seconds=1" on the BE without credentials
    Then the status is 200
    And the body is not empty

  Scenario Outline: <path> answers
    When I GET "<path>" on the BE without credentials
    Then the status is 200
    And the body is not empty

    Examples:
      | path                         |
      | /pprof/growth                |
      | /pprof/pmuprofile?seconds=1  |
      | /pprof/contention?seconds=1  |

  Scenario: /pprof/cmdline answers the program of the process
    When I GET "/pprof/cmdline" on the BE without credentials
    Then the status is 200
    And the body is a single word

  Scenario: /pprof/symbol counts the symbols on GET, answers HEAD empty, and resolves addresses on POST
    When I GET "/pprof/symbol" on the BE without credentials
    Then the status is 200
    And the body matches "^num_symbols: \d+\n?$"
    When I HEAD "/pprof/symbol" on the BE without credentials
    Then the status is 200
    And the body is empty
    When I POST "/pprof/symbol" on the BE without credentials with the body "0x1+0x2"
    Then the status is 200
    And the body has 2 lines
    And every line of the body matches "^0x[0-9a-fA-F]+\t"

  # --- /metrics (metrics_action.cpp) ---

  Scenario: /metrics is Prometheus text with TYPE lines only and labels joined by ","
    When I GET "/metrics" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain; version=0.0.4"
    And the body is Prometheus text with TYPE lines only and labels joined by ","
    And the body has a line matching "^# TYPE starrocks_be_streaming_load_requests_total counter$"
    And the body has a line matching "^starrocks_be_push_requests_total\{status=\"SUCCESS\"\} \d+$"

  Scenario: /metrics?type=json is a compact array of tags, unit and value
    When I GET "/metrics?type=json" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain; version=0.0.4"
    And the body is a compact JSON array of metrics with "tags", "unit" and "value"
    And the JSON array has an item whose "tags.metric" is "streaming_load_requests_total"

  Scenario: /metrics?type=core lists a few gauges as "name LONG value"
    When I GET "/metrics?type=core" on the BE without credentials
    Then the status is 200
    And every line of the body matches "^starrocks_be_\w+ LONG -?\d+$"
    And the body has a line matching "^starrocks_be_process_thread_num LONG \d+$"

  Scenario: The BE counts stream loads, their bytes and rows
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"
    And I noted the BE metric "starrocks_be_streaming_load_requests_total"
    And I noted the BE metric "starrocks_be_streaming_load_bytes"
    And the request header "column_separator" is ","
    When I stream load "1,a,10\n2,b,20\n" into "{db}.{t}" on the BE
    Then the stream load succeeded
    And the BE metric "starrocks_be_streaming_load_requests_total" grew by 1
    And the BE metric "starrocks_be_streaming_load_bytes" grew by 14

  # --- update_config (update_config_action.cpp): always 200, status OK or BAD ---

  Scenario: update_config sets one mutable configuration
    Given I noted the BE configuration "streaming_load_max_mb" from /varz as "max_mb"
    When I POST "/api/update_config?streaming_load_max_mb={max_mb}" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is the text:
      """
      {
          "status": "OK",
          "msg": ""
      }
      """

  Scenario: update_config takes exactly one configuration
    When I POST "/api/update_config?streaming_load_max_mb=1&load_error_log_reserve_hours=48" on the BE without credentials
    Then the status is 200
    And the body is the text:
      """
      {
          "status": "BAD",
          "msg": "Now only support to set a single config once, via 'config_name=new_value'"
      }
      """

  Scenario Outline: update_config refuses <what>
    When I POST "/api/update_config?<param>" on the BE without credentials
    Then the status is 200
    And the body is the text:
      """
      {
          "status": "BAD",
          "msg": "<message>"
      }
      """

    Examples:
      | what                       | param                       | message                                                                                         |
      | an unknown configuration   | olapspec_no_such_config=1   | set olapspec_no_such_config=1 failed, reason: Not found: 'olapspec_no_such_config' is not found |
      | an immutable configuration | be_http_port=8041           | set be_http_port=8041 failed, reason: Not supported: 'be_http_port' is not support to modify    |
      | a value of the wrong type  | streaming_load_max_mb=lots  | set streaming_load_max_mb=lots failed, reason: Invalid argument: convert 'lots' as int64_t failed |

  # --- /varz (default_path_handlers.cpp) ---

  Scenario: /varz lists the BE's configuration, its HTTP port among them
    Given I noted the HTTP port of the BE as "be_port"
    When I GET "/varz?raw" on the BE without credentials
    Then the status is 200
    And the body contains "<h2>Configurations</h2>"
    And the body has a line "be_http_port={be_port}"

  # --- Caches and drivers ---

  Scenario: runtime_filter_cache/stat answers the cache counters
    When I GET "/api/runtime_filter_cache/stat" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the JSON keys are "cache_times, use_times, enable_trace"

  Scenario: runtime_filter_cache switches tracing with PUT and answers the counters
    When I PUT "/api/runtime_filter_cache/enable_trace" on the BE without credentials
    Then the status is 200
    And the JSON field "enable_trace" is "true"
    When I GET "/api/runtime_filter_cache/trace" on the BE without credentials
    Then the status is 200
    And the JSON keys are "traces"
    When I PUT "/api/runtime_filter_cache/disable_trace" on the BE without credentials
    Then the status is 200
    And the JSON field "enable_trace" is "false"

  Scenario: runtime_filter_cache refuses GET for a switch
    When I GET "/api/runtime_filter_cache/enable_trace" on the BE without credentials
    Then the status is 200
    And the JSON field "error" is "Not support GET method: '/api/runtime_filter_cache/enable_trace'"

  Scenario: query_cache/stat answers the cache's capacity, usage and hits
    When I GET "/api/query_cache/stat" on the BE without credentials
    Then the status is 200
    And the JSON keys are "capacity, usage, usage_ratio, lookup_count, hit_count, hit_ratio"

  Scenario: query_cache/invalidate_all empties the cache on PUT only
    When I PUT "/api/query_cache/invalidate_all" on the BE without credentials
    Then the status is 200
    And the JSON field "status" is "OK"
    When I GET "/api/query_cache/invalidate_all" on the BE without credentials
    Then the status is 200
    And the JSON field "error" is "Not support GET method: '/api/query_cache/invalidate_all'"

  Scenario: pipeline_blocking_drivers/stat lists blocked drivers inside and outside workgroups
    When I GET "/api/pipeline_blocking_drivers/stat" on the BE without credentials
    Then the status is 200
    And the JSON keys are "queries_not_in_workgroup, queries_in_workgroup"

  # The handler of the version read sends no body (catalog §7, UNCONFIRMED).
  Scenario: compact_rocksdb_meta compacts the BE's metadata store
    When I POST "/api/compact_rocksdb_meta" on the BE without credentials
    Then the status is 200
    And the body is empty

  # --- /greplog (greplog_action.cpp) ---

  Scenario: greplog answers the matching log lines as text
    When I GET "/greplog?pattern=olapspec-matches-no-line-{t}&limit=10" on the BE without credentials
    Then the status is 200
    And the body is empty

  Scenario Outline: greplog refuses a bad <param>
    When I GET "/greplog?<param>=<value>" on the BE without credentials
    Then the status is 400
    And the body is "Invalid param <param>"

    Examples:
      | param    | value   |
      | start_ts | abc     |
      | end_ts   | abc     |
      | limit    | 0       |
      | limit    | 1000001 |

  # --- /api/_stop_be (stop_be_action.cpp): GET stops the BE, see shutdown.feature ---

  Scenario: _stop_be stops nothing on another method
    When I POST "/api/_stop_be" on the BE without credentials
    Then the status is 404
