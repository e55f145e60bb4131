@starrocks @doc:cn
Feature: CN endpoints
  A compute node is the BE's program started with --cn, and it starts as a BE
  (start_be in service/starrocks_main.cpp: "cn need to support all ops for
  cloudnative table"), so its HTTP port has the BE's handlers; it holds no
  tablets of shared-nothing tables. The short handler list of
  service_cn/http_service.cpp is no longer used. The scenarios need a cluster
  with a CN and are skipped on one without.

  Background:
    Given the cluster has a CN

  # source: be/src/service/starrocks_main.cpp main @ 0017fb5ffe
  # source: be/src/http/service/action/health_action.cpp HealthAction::handle @ 1952c877e4
  @source-checked
  Scenario: /api/health answers the BE's fixed body
    When I GET "/api/health" on the CN without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is '{"status": "OK","msg": "To Be Added"}'

  # source: be/src/service/starrocks_main.cpp main @ 0017fb5ffe
  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 061d464c2d
  @source-checked
  Scenario Outline: <path> answers a profile
    When I GET "<path>" on the CN without credentials
    Then the status is 200
    And the body is not empty

    Examples:
      | path                         |
      | /pprof/growth                |
      | /pprof/profile?seconds=1     |
      | /pprof/pmuprofile?seconds=1  |
      | /pprof/contention?seconds=1  |

  # The body depends on jemalloc profiling (see be.feature): only the status holds everywhere.
  # source: be/src/http/service/action/pprof_actions.cpp HeapAction::handle @ f65fb0ab28
  @source-checked
  Scenario: /pprof/heap answers 200
    When I GET "/pprof/heap?seconds=1" on the CN without credentials
    Then the status is 200

  # source: be/src/http/service/action/pprof_actions.cpp CmdlineAction::handle @ f65fb0ab28
  @source-checked
  Scenario: /pprof/cmdline answers the program of the process
    When I GET "/pprof/cmdline" on the CN without credentials
    Then the status is 200
    And the body matches "^[^\s\0]+\n?$"

  # source: be/src/http/service/action/pprof_actions.cpp SymbolAction::handle @ f65fb0ab28
  @source-checked
  Scenario: /pprof/symbol is 404 on GET, HEAD and POST, as on the BE
    When I GET "/pprof/symbol" on the CN without credentials
    Then the status is 404
    And the body is "Symbol resolution is not available. Please use pprof with the binary file to resolve symbols."
    When I HEAD "/pprof/symbol" on the CN without credentials
    Then the status is 404
    And the body is empty
    When I POST "/pprof/symbol" on the CN without credentials with the body "0x1"
    Then the status is 404
    And the body is "Symbol resolution is not available. Please use pprof with the binary file to resolve symbols."

  # source: be/src/http/service/action/metrics_action.cpp MetricsAction::handle @ 061d464c2d
  @source-checked
  Scenario: /metrics is the BE's Prometheus text
    When I GET "/metrics" on the CN without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain; version=0.0.4"
    And the body is Prometheus text with TYPE lines only and labels joined by ","

  # source: be/src/http/service/action/metrics_action.cpp MetricsAction::handle @ 061d464c2d
  @source-checked
  Scenario: /metrics?type=json is a compact array
    When I GET "/metrics?type=json" on the CN without credentials
    Then the status is 200
    And the body is a compact JSON array of metrics with "tags", "unit" and "value"

  # Releases whose CN ran HttpServiceCN answered 404 here.
  # source: be/src/service/starrocks_main.cpp main @ 0017fb5ffe
  # source: be/src/http/service/action/compaction_action.cpp CompactionAction::_handle_show_compaction @ f65fb0ab28
  @source-checked
  Scenario: The CN serves the BE's tablet endpoints, and finds no tablet of a shared-nothing table
    When I GET "/api/compaction/show?tablet_id=1" on the CN without credentials
    Then the status is 200
    And the body is the text:
      """
      {
          "status": "Fail",
          "msg": "Tablet not found"
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/HealthAction.java HealthAction::execute @ e648dce1b5
  @source-checked
  Scenario: The FE's health counts BEs, not CNs
    When I GET "/api/health" on the FE without credentials
    Then the JSON field "total_backend_num" is the number of BEs of the cluster
