@starrocks @doc:be
Feature: BE endpoints
  The BE's HTTP server (port 8040) asks for no credentials unless the BE runs
  with enable_http_auth (default false, config_http_fwd.h). Handlers are found
  per method, so a path under another method is 404 "Not Found". Most answers
  are HTTP 200 even for errors; JSON comes from rapidjson's PrettyWriter (four
  spaces, `"key": value`), BE statuses as `{"status": "Success"|"Fail", "msg": …}`
  (service_be/http_service.cpp, http/core/ev_http_server.cpp, base/json/json_util.cpp).

  # --- /api/health (health_action.cpp): a hand-written body ---

  # source: be/src/http/service/action/health_action.cpp HealthAction::handle @ 1952c877e4
  @source-checked
  Scenario: /api/health answers a fixed JSON body
    When I GET "/api/health" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is '{"status": "OK","msg": "To Be Added"}'

  # source: be/src/http/core/ev_http_server.cpp EvHttpServer::on_header @ 1952c877e4
  @source-checked
  Scenario: A path the BE does not know is 404
    When I POST "/api/olapspec_no_such_action" on the BE without credentials
    Then the status is 404
    And the body is "Not Found"

  # --- Downloads (download_action.cpp): the cluster token guards them ---

  # source: be/src/http/service/download_action.cpp DownloadAction::handle @ 68bc95ea67
  @source-checked
  Scenario Outline: <path> needs a file parameter
    When I GET "<path>" on the BE without credentials
    Then the status is 200
    And the body is "parameter file not specified in url."

    Examples:
      | path                  |
      | /api/_download_load   |
      | /api/_tablet/_download |
      | /api/_load_error_log  |

  # source: be/src/http/service/download_action.cpp DownloadAction::handle @ 68bc95ea67 (check_token)
  @source-checked
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

  # source: be/src/http/service/download_action.cpp DownloadAction::handle @ 68bc95ea67 (check_path_is_allowed)
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/MetaService.java CheckAction::executeGet @ 01330099c2
  @source-checked
  Scenario Outline: <path> with the cluster token serves only its own directories
    Given I GET "/check" on the FE from an FE host without credentials
    And the status is 200
    And I noted the header "token" as "token"
    When I GET "<path>?file=/etc/passwd&token={token}" on the BE without credentials
    Then the status is 200
    And the body is "file path is not allowed: /etc/passwd"

    Examples:
      | path                   |
      | /api/_download_load    |
      | /api/_tablet/_download |

  # source: be/src/http/service/download_action.cpp DownloadAction::handle @ 68bc95ea67 (check_log_path_is_allowed)
  @source-checked
  Scenario: _load_error_log refuses a path outside the error log directory
    When I GET "/api/_load_error_log?file=../../../../etc/passwd" on the BE without credentials
    Then the status is 200
    And the body starts with "file path is not allowed: "

  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 061d464c2d (HEAD /api/_load_error_log)
  # source: be/src/http/service/download_action.cpp DownloadAction::handle @ 68bc95ea67 (handle_error_log)
  @source-checked
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

  # The body depends on the machine: a jemalloc heap profile when profiling is on, otherwise
  # "dump jemalloc prof file failed" here and an empty body in releases before HeapProf.
  # source: be/src/http/service/action/pprof_actions.cpp HeapAction::handle @ f65fb0ab28
  @source-checked
  Scenario: /pprof/heap answers 200
    When I GET "/pprof/heap?seconds=1" on the BE without credentials
    Then the status is 200

  # source: be/src/http/service/action/pprof_actions.cpp ProfileAction::handle @ f65fb0ab28
  @source-checked
  Scenario: /pprof/profile answers a CPU profile of the given seconds
    When I GET "/pprof/profile?seconds=1" on the BE without credentials
    Then the status is 200
    And the body is not empty

  # The bodies of PmuProfileAction and ContentionAction were not read; only their registration was.
  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 061d464c2d
  @source-checked
  Scenario Outline: <path> answers
    When I GET "<path>" on the BE without credentials
    Then the status is 200
    And the body is not empty

    Examples:
      | path                         |
      | /pprof/pmuprofile?seconds=1  |
      | /pprof/contention?seconds=1  |

  # source: be/src/http/service/action/pprof_actions.cpp GrowthAction::handle @ f65fb0ab28
  @source-checked
  Scenario: /pprof/growth says growth profiling is not available in jemalloc builds
    When I GET "/pprof/growth" on the BE without credentials
    Then the status is 200
    And the body is "Growth profiling is not available with jemalloc builds.You can set the `--base` flag to jeprof to compare the results of two Heap Profiling"

  # source: be/src/http/service/action/pprof_actions.cpp CmdlineAction::handle @ f65fb0ab28
  @source-checked
  Scenario: /pprof/cmdline answers the program of the process
    When I GET "/pprof/cmdline" on the BE without credentials
    Then the status is 200
    And the body matches "^[^\s\0]+\n?$"

  # Releases before this SymbolAction answered GET "num_symbols: N" and resolved addresses on POST.
  # source: be/src/http/service/action/pprof_actions.cpp SymbolAction::handle @ f65fb0ab28
  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 061d464c2d
  @source-checked
  Scenario: /pprof/symbol resolves nothing and says so with 404 on GET, HEAD and POST
    When I GET "/pprof/symbol" on the BE without credentials
    Then the status is 404
    And the body is "Symbol resolution is not available. Please use pprof with the binary file to resolve symbols."
    When I HEAD "/pprof/symbol" on the BE without credentials
    Then the status is 404
    And the body is empty
    When I POST "/pprof/symbol" on the BE without credentials with the body "0x1+0x2"
    Then the status is 404
    And the body is "Symbol resolution is not available. Please use pprof with the binary file to resolve symbols."

  # --- /metrics (metrics_action.cpp) ---

  # source: be/src/http/service/action/metrics_action.cpp MetricsAction::handle @ 061d464c2d (PrometheusMetricsVisitor)
  @source-checked
  Scenario: /metrics is Prometheus text with TYPE lines only and labels joined by ","
    When I GET "/metrics" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain; version=0.0.4"
    And the body is Prometheus text with TYPE lines only and labels joined by ","
    And the body has a line matching "^# TYPE starrocks_be_streaming_load_requests_total counter$"
    And the body has a line matching "^starrocks_be_push_requests_total\{status=\"SUCCESS\"\} \d+$"

  # source: be/src/http/service/action/metrics_action.cpp MetricsAction::handle @ 061d464c2d (JsonMetricsVisitor)
  @source-checked
  Scenario: /metrics?type=json is a compact array of tags, unit and value
    When I GET "/metrics?type=json" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain; version=0.0.4"
    And the body is a compact JSON array of metrics with "tags", "unit" and "value"
    And the "tags.metric" of every item of the JSON body has the line "streaming_load_requests_total"

  # source: be/src/http/service/action/metrics_action.cpp MetricsAction::handle @ 061d464c2d (SimpleCoreMetricsVisitor)
  @source-checked
  Scenario: /metrics?type=core lists a few gauges as "name LONG value"
    When I GET "/metrics?type=core" on the BE without credentials
    Then the status is 200
    And every line of the body matches "^starrocks_be_\w+ LONG -?\d+$"
    And the body has a line matching "^starrocks_be_process_thread_num LONG \d+$"

  # source: be/src/http/service/action/metrics_action.cpp MetricsAction::handle @ 061d464c2d
  @source-checked
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

  # source: be/src/http/service/action/update_config_action.cpp UpdateConfigAction::handle @ 1952c877e4
  @source-checked
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

  # source: be/src/http/service/action/update_config_action.cpp UpdateConfigAction::handle @ 1952c877e4
  @source-checked
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

  # source: be/src/http/service/action/update_config_action.cpp UpdateConfigAction::handle @ 1952c877e4
  # source: be/src/common/configbase.cpp config::set_config @ da3022f7fe
  @source-checked
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

  # source: be/src/http/service/default_path_handlers.cpp config_handler @ 1952c877e4
  @source-checked
  Scenario: /varz lists the BE's configuration, its HTTP port among them
    Given I noted the HTTP port of the BE as "be_port"
    When I GET "/varz?raw" on the BE without credentials
    Then the status is 200
    And the body contains "<h2>Configurations</h2>"
    And the body has the line "be_http_port={be_port}"

  # --- Caches and drivers ---

  # source: be/src/http/service/action/runtime_filter_cache_action.cpp RuntimeFilterCacheAction::handle @ 1952c877e4
  @source-checked
  Scenario: runtime_filter_cache/stat answers the cache counters
    When I GET "/api/runtime_filter_cache/stat" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the keys of the JSON body are "cache_times, use_times, enable_trace"

  # source: be/src/http/service/action/runtime_filter_cache_action.cpp RuntimeFilterCacheAction::handle @ 1952c877e4
  @source-checked
  Scenario: runtime_filter_cache switches tracing with PUT and answers the counters
    When I PUT "/api/runtime_filter_cache/enable_trace" on the BE without credentials
    Then the status is 200
    And the JSON field "enable_trace" is "true"
    And the JSON field "enable_trace" is a string
    When I GET "/api/runtime_filter_cache/trace" on the BE without credentials
    Then the status is 200
    And the keys of the JSON body are "traces"
    When I PUT "/api/runtime_filter_cache/disable_trace" on the BE without credentials
    Then the status is 200
    And the JSON field "enable_trace" is "false"
    And the JSON field "enable_trace" is a string

  # source: be/src/http/service/action/runtime_filter_cache_action.cpp RuntimeFilterCacheAction::handle @ 1952c877e4
  @source-checked
  Scenario: runtime_filter_cache refuses GET for a switch
    When I GET "/api/runtime_filter_cache/enable_trace" on the BE without credentials
    Then the status is 200
    And the JSON field "error" is "Not support GET method: '/api/runtime_filter_cache/enable_trace'"

  # source: be/src/http/service/action/query_cache_action.cpp QueryCacheAction::handle @ 783567a9bb
  @source-checked
  Scenario: query_cache/stat answers the cache's capacity, usage and hits
    When I GET "/api/query_cache/stat" on the BE without credentials
    Then the status is 200
    And the keys of the JSON body are "capacity, usage, usage_ratio, lookup_count, hit_count, hit_ratio"

  # source: be/src/http/service/action/query_cache_action.cpp QueryCacheAction::handle @ 783567a9bb
  @source-checked
  Scenario: query_cache/invalidate_all empties the cache on PUT only
    When I PUT "/api/query_cache/invalidate_all" on the BE without credentials
    Then the status is 200
    And the JSON field "status" is "OK"
    When I GET "/api/query_cache/invalidate_all" on the BE without credentials
    Then the status is 200
    And the JSON field "error" is "Not support GET method: '/api/query_cache/invalidate_all'"

  # Releases before it also listed queries_not_in_workgroup.
  # source: be/src/http/service/action/pipeline_blocking_drivers_action.cpp PipelineBlockingDriversAction::_handle_stat @ 1952c877e4
  @source-checked
  Scenario: pipeline_blocking_drivers/stat lists the blocked drivers of the workgroups
    When I GET "/api/pipeline_blocking_drivers/stat" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the keys of the JSON body are "queries_in_workgroup"

  # --- /greplog (greplog_action.cpp) ---

  # source: be/src/http/service/action/greplog_action.cpp GrepLogAction::handle @ 783567a9bb
  @source-checked
  Scenario: greplog answers the matching log lines as text
    When I GET "/greplog?pattern=olapspec-matches-no-line-{t}&limit=10" on the BE without credentials
    Then the status is 200
    And the body is empty

  # source: be/src/http/service/action/greplog_action.cpp GrepLogAction::handle @ 783567a9bb
  @source-checked
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

  # --- /api/_stop_be (stop_be_action.cpp): GET and POST stop the BE, see shutdown.feature ---

  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 061d464c2d
  # source: be/src/http/core/ev_http_server.cpp EvHttpServer::on_header @ 1952c877e4
  @source-checked
  Scenario: _stop_be stops nothing on a method it is not registered for
    When I PUT "/api/_stop_be" on the BE without credentials
    Then the status is 404
    And the body is "Not Found"
