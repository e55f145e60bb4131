@starrocks @catalog @doc:cn
Feature: CN endpoints
  A compute node runs the BE's HTTP server with a short list of handlers:
  health, pprof and metrics (service_cn/http_service.cpp). The scenarios need a
  cluster with a CN and are skipped on one without.

  Background:
    Given the cluster has a CN

  Scenario: /api/health answers the BE's fixed body
    When I GET "/api/health" on the CN without credentials
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is '{"status": "OK","msg": "To Be Added"}'

  Scenario Outline: <path> answers a profile
    When I GET "<path>" on the CN without credentials
    Then the status is 200
    And the body is not empty

    Examples:
      | path                         |
      | /pprof/heap?seconds=1        |
      | /pprof/growth                |
      | /pprof/profile?seconds=1     |
      | /pprof/pmuprofile?seconds=1  |
      | /pprof/contention?seconds=1  |

  Scenario: /pprof/cmdline answers the program of the process
    When I GET "/pprof/cmdline" on the CN without credentials
    Then the status is 200
    And the body is a single word

  Scenario: /pprof/symbol answers GET, HEAD and POST
    When I GET "/pprof/symbol" on the CN without credentials
    Then the status is 200
    And the body matches "^num_symbols: \d+\n?$"
    When I HEAD "/pprof/symbol" on the CN without credentials
    Then the status is 200
    And the body is empty
    When I POST "/pprof/symbol" on the CN without credentials with the body "0x1"
    Then the status is 200
    And the body has 1 lines
    And every line of the body matches "^0x[0-9a-fA-F]+\t"

  Scenario: /metrics is the BE's Prometheus text
    When I GET "/metrics" on the CN without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain; version=0.0.4"
    And the body is Prometheus text with TYPE lines only and labels joined by ","

  Scenario: /metrics?type=json is a compact array
    When I GET "/metrics?type=json" on the CN without credentials
    Then the status is 200
    And the body is a compact JSON array of metrics with "tags", "unit" and "value"

  Scenario: The CN does not serve the BE's tablet endpoints
    When I GET "/api/compaction/show?tablet_id=1" on the CN without credentials
    Then the status is 404

  Scenario: The FE's health counts BEs, not CNs
    When I GET "/api/health" on the FE without credentials
    Then the JSON field "total_backend_num" is the number of BEs of the cluster
