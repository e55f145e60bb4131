@starrocks @doc:fe
Feature: FE metrics
  GET /metrics needs no credentials and answers Prometheus text: "# HELP" and
  "# TYPE" for every family (node_info has TYPE only), the prefix
  starrocks_fe_ except for the JVM block and node_info, labels joined by ", ".
  ?type=json and ?type=core are other renderings of the same metrics
  (PrometheusMetricVisitor.java, JsonMetricVisitor.java, SimpleCoreMetricVisitor.java).
  Only /metrics turns on compression when the client accepts gzip (HttpServer.java).

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

  # The elements are written by hand, one per line, without the prefix MetricVisitor keeps for
  # the other renderings; MetricsAction sets text/plain and sendResult adds no JSON type.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MetricsAction.java MetricsAction::executeWithoutPassword @ 0160d4fbed
  # source: fe/fe-core/src/main/java/com/starrocks/metric/JsonMetricVisitor.java JsonMetricVisitor::buildMetric, JsonMetricVisitor::build @ b36702c1fe
  @source-checked
  Scenario: ?type=json is an array of tags, unit and value, names without the prefix
    When I GET "/metrics?type=json" on the FE without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain"
    And the body starts with "[\n"
    And the body ends with "\n]"
    And the body is a one-metric-per-line JSON array of metrics with "tags", "unit" and "value"
    And the "tags.metric" of every item of the JSON body has the line "request_total"
    And the "tags.metric" of every item of the JSON body has no line matching "^starrocks_fe_"

  # The dead-node counts (getNodeInfo) are the only lines without a type.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MetricsAction.java MetricsAction::executeWithoutPassword @ 0160d4fbed
  # source: fe/fe-core/src/main/java/com/starrocks/metric/SimpleCoreMetricVisitor.java SimpleCoreMetricVisitor::visitJvm, visit, getNodeInfo @ b36702c1fe
  @source-checked
  Scenario: ?type=core lists name, type and value on each line
    When I GET "/metrics?type=core" on the FE without credentials
    Then the status is 200
    And every line of the body matches "^\S+ (LONG|DOUBLE) -?[0-9.]+$|^starrocks_fe_(frontend|backend|broker)_dead_num \d+$"
    And the body has a line matching "^starrocks_fe_max_journal_id LONG \d+$"
    And the body has a line matching "^jvm_thread LONG \d+$"

  # The compressor is one per connection and its "compress" flag, set by a /metrics request, is never
  # cleared: on a connection that carried /metrics every later answer is compressed too. So the
  # second request goes over a connection of its own.
  # source: fe/fe-core/src/main/java/com/starrocks/http/HttpServer.java CustomHttpContentCompressor::decode, beginEncode @ 01a85d0624
  @source-checked
  Scenario: /metrics is gzip-compressed when the client accepts it, other paths on a fresh connection are not
    Given the request header "Accept-Encoding" is "gzip"
    When I GET "/metrics" on the FE without credentials
    Then the status is 200
    And the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip has a line matching "^# TYPE starrocks_fe_max_journal_id gauge$"
    Given the request header "Accept-Encoding" is "gzip"
    When I GET "/api/health" on the FE without credentials over a new connection
    Then the status is 200
    And the header "Content-Encoding" is absent

  # The stored MetricRepo (@ 16e220ae4d) is older than the actions (getCurrentSystemInfo); the counters are
  # the same names. The journal id grows with the edit-log entries of the load's transaction.
  # source: fe/fe-core/src/main/java/com/starrocks/metric/MetricRepo.java MetricRepo::init @ 16e220ae4d
  # source: fe/fe-core/src/main/java/com/starrocks/transaction/DatabaseTransactionMgr.java DatabaseTransactionMgr::beginTransaction @ 8af1aa4643
  # source: fe/fe-core/src/main/java/com/starrocks/transaction/TransactionState.java TransactionState::setTransactionStatus @ 69f6f07a1c
  @source-checked
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

  # source: fe/fe-core/src/main/java/com/starrocks/qe/ConnectProcessor.java ConnectProcessor::auditAfterExec @ 896e0d1505
  # source: fe/fe-core/src/main/java/com/starrocks/metric/MetricRepo.java MetricRepo::init @ 16e220ae4d
  @source-checked
  Scenario: The query counter counts queries over the MySQL protocol
    Given I noted the FE metric "starrocks_fe_query_total"
    When I ran over MySQL "SELECT 1"
    Then the FE metric "starrocks_fe_query_total" grew by at least 1
