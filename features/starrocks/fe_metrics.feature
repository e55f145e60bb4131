@starrocks @doc:fe
Feature: FE metrics
  GET /metrics needs no credentials and answers Prometheus text: "# HELP" and
  "# TYPE" for every family (node_info has TYPE only), the prefix
  starrocks_fe_ except for the JVM block and node_info, labels joined by ", ".
  ?type=json and ?type=core are other renderings of the same metrics
  (PrometheusMetricVisitor.java, JsonMetricVisitor.java, SimpleCoreMetricVisitor.java).
  Only /metrics is compressed when the client accepts gzip.

  # source: fe/fe-core/src/main/java/com/starrocks/metric/PrometheusMetricVisitor.java PrometheusMetricVisitor @ 02b194eb2a (visitJvm, visit, getNodeInfo)
  @source-checked
  Scenario: /metrics is Prometheus text with HELP and TYPE lines
    When I GET "/metrics" on the FE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^text/plain"
    And the body is Prometheus text with HELP and TYPE lines and labels joined by ", "
    And the body has a line matching "^# TYPE starrocks_fe_max_journal_id gauge$"
    And the body has a line matching "^starrocks_fe_max_journal_id \d+$"
    And the body has a line matching "^# TYPE starrocks_fe_request_total counter$"
    And the body has a line matching "^jvm_heap_size_bytes\{type=\"max\"\} \d+$"
    And the body has a line matching "^# TYPE node_info gauge$"
    And the body has no line matching "^# HELP node_info"
    And the body has a line matching "^node_info\{type=\"be_node_num\", state=\"total\"\} \d+$"

  # source: fe/fe-core/src/main/java/com/starrocks/metric/PrometheusMetricVisitor.java PrometheusMetricVisitor @ 02b194eb2a (getNodeInfo)
  @source-checked
  Scenario: The leader marks itself in node_info
    Given the FE is the leader
    When I GET "/metrics" on the FE without credentials
    Then the body has a line matching "^node_info\{type=\"is_master\"\} 1$"

  # source: fe/fe-core/src/main/java/com/starrocks/metric/PrometheusMetricVisitor.java PrometheusMetricVisitor @ 02b194eb2a (visitHistogram)
  @source-checked
  Scenario: Histograms are summaries with an empty HELP text
    When I GET "/metrics" on the FE without credentials
    Then the body has a line matching "^# HELP starrocks_fe_query_latency_ms $"
    And the body has a line matching "^# TYPE starrocks_fe_query_latency_ms summary$"
    And the body has a line matching "^starrocks_fe_query_latency_ms\{quantile=\"0.75\"\} [0-9.]+$"
    And the body has a line matching "^starrocks_fe_query_latency_ms_count \d+$"

  # not re-checked against the pinned source in this pass: no @source-checked
  Scenario: ?type=json is an array of tags, unit and value, names without the prefix
    When I GET "/metrics?type=json" on the FE without credentials
    Then the status is 200
    And the header "Content-Type" matches "^text/plain"
    And the body starts with "[\n"
    And the body ends with "\n]"
    And the body is a JSON array of metrics with "tags", "unit" and "value", one per line
    And the JSON array has an item whose "tags.metric" is "request_total"
    And no item of the JSON array has a "tags.metric" starting with "starrocks_fe_"

  # not re-checked against the pinned source in this pass: no @source-checked
  Scenario: ?type=core lists name, type and value on each line
    When I GET "/metrics?type=core" on the FE without credentials
    Then the status is 200
    And every line of the body matches "^\S+ (LONG|DOUBLE) -?[0-9.]+$|^starrocks_fe_(frontend|backend|broker)_dead_num \d+$"
    And the body has a line matching "^starrocks_fe_max_journal_id LONG \d+$"
    And the body has a line matching "^jvm_thread LONG \d+$"

  # not re-checked against the pinned source in this pass: no @source-checked
  Scenario: /metrics is gzip-compressed when the client accepts it, other paths are not
    Given the request header "Accept-Encoding" is "gzip"
    When I GET "/metrics" on the FE without credentials
    Then the status is 200
    And the header "Content-Encoding" is "gzip"
    And the body, gunzipped, has a line matching "^# TYPE starrocks_fe_max_journal_id gauge$"
    Given the request header "Accept-Encoding" is "gzip"
    When I GET "/api/health" on the FE without credentials
    Then the status is 200
    And the header "Content-Encoding" is absent

  # not re-checked against the pinned source in this pass: no @source-checked
  Scenario: The counters count real events: requests, transactions, journal entries
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"
    And I noted the FE metric "starrocks_fe_txn_begin"
    And I noted the FE metric "starrocks_fe_txn_success"
    And I noted the FE metric "starrocks_fe_max_journal_id"
    And the request header "column_separator" is ","
    When I stream load "1,a,10\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the FE metric "starrocks_fe_txn_begin" grew by at least 1
    And the FE metric "starrocks_fe_txn_success" grew by at least 1
    And the FE metric "starrocks_fe_max_journal_id" grew by at least 1

  # not re-checked against the pinned source in this pass: no @source-checked
  Scenario: The query counter counts queries over the MySQL protocol
    Given I noted the FE metric "starrocks_fe_query_total"
    When I run over MySQL "SELECT 1"
    Then the FE metric "starrocks_fe_query_total" grew by at least 1
