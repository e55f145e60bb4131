@starrocks @doc:stream-load
Feature: Deletes, rejected records, downloads and generated partitions
  A PRIMARY KEY load may delete rows: the hidden `__op` column (0 upsert,
  1 delete) comes from a source field or an expression of the `columns`
  header (Load.java). `log_rejected_record_num` keeps the rejected rows in a
  file under the BE's store path, named in `RejectedRecordPath` as
  `<be_host>:<path>` after ErrorURL (stream_load_executor.cpp,
  runtime_state.cpp). With the cluster token, the BE's download handlers
  stream a file or list a directory under its store paths (download_action.cpp,
  http/utils.cpp). Batch partitions (`START … END … EVERY`) and expression
  partitions get StarRocks' generated names such as p20240101.

  Background:
    Given the StarRocks table "{db}.{pk}" created with:
      """
      CREATE TABLE {db}.{pk} (id INT NOT NULL, name VARCHAR(20), score INT)
      PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")
      """
    And I stream loaded into "{db}.{pk}" the CSV "1,a,10\n2,b,20\n3,c,30\n"

  # --- __op ---

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: __op from a source field deletes the rows marked 1 and upserts the others
    Given the request header "column_separator" is ","
    And the request header "columns" is "id,name,score,__op"
    When I stream load "1,a,10,1\n2,bb,22,0\n4,d,40,0\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    And the JSON answer has:
      | NumberTotalRows  | 3 |
      | NumberLoadedRows | 3 |
    And the MySQL query "SELECT id, name, score FROM {db}.{pk} ORDER BY id" returns:
      | 2 | bb | 22 |
      | 3 | c  | 30 |
      | 4 | d  | 40 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: __op as a constant expression makes the whole load a delete
    Given the request header "column_separator" is ","
    And the request header "columns" is "id,name,score,__op=1"
    When I stream load "1,a,10\n3,c,30\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id FROM {db}.{pk} ORDER BY id" returns:
      | 2 |

  # Not re-read at a pinned commit (download_action.cpp, runtime_state.cpp, the planner's __op check): as the catalog has it.
  @catalog
  Scenario: __op is no column of a table without a primary key
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"
    And the request header "column_separator" is ","
    And the request header "columns" is "id,name,score,__op=1"
    When I stream load "1,a,10\n" into "{db}.{t}" through the FE
    Then the status is 200
    And the JSON field "Status" is "Fail"
    And the JSON field "Message" is "Unknown column '__op' in '{t}'"

  # --- log_rejected_record_num ---

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::execute_plan_fragment @ 037487dfcb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_json @ dda2059898
  @source-checked
  Scenario: log_rejected_record_num names the rejected-record file after ErrorURL
    Given the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "1"
    And the request header "log_rejected_record_num" is "-1"
    When I stream load "5,e,50\n6,f\n7,g\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    And the JSON field "NumberFilteredRows" is 2
    And the JSON keys end with "ErrorURL, RejectedRecordPath"
    And the JSON field "RejectedRecordPath" matches "^[^/:]+:/\S+/rejected_record/[^/]+/[^/]+/\d+/[0-9a-f]+_[0-9a-f]+$"

  # Not re-read at a pinned commit (download_action.cpp, runtime_state.cpp, the planner's __op check): as the catalog has it.
  @catalog
  Scenario: The rejected-record file holds each rejected row, its reason and source
    Given I noted the header "token" of GET "/check" from an FE host as "token"
    And the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "1"
    And the request header "log_rejected_record_num" is "1"
    When I stream load "5,e,50\n6,f\n7,g\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    Given I noted the JSON field "RejectedRecordPath" without its host as "rejected"
    When I GET "/api/_download_load?file={rejected}&token={token}" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain; charset=utf-8"
    And every line of the body matches "^6,f\tValue count does not match column count: .*\t$"

  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::execute_plan_fragment @ 037487dfcb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_json @ dda2059898
  @source-checked
  Scenario: Without log_rejected_record_num no rejected-record file is written
    Given the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "1"
    When I stream load "5,e,50\n6,f\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    And the JSON keys end with "CommitAndPublishTimeMs, ErrorURL"

  # --- _download_load / _tablet/_download ---

  # Not re-read at a pinned commit (download_action.cpp, runtime_state.cpp, the planner's __op check): as the catalog has it.
  @catalog
  Scenario: A snapshot's path can be downloaded: its directory is listed, its header file streamed
    Given I noted the tablets of "{db}.{pk}" that _migration lists
    And I noted the header "token" of GET "/check" from an FE host as "token"
    When I GET "/api/snapshot?tablet_id={tablet}&schema_hash={schema_hash}" on the BE without credentials
    Then the status is 200
    Given I noted the body as "snapshot"
    When I GET "/api/_tablet/_download?file={snapshot}&token={token}" on the BE without credentials
    Then the status is 200
    And the body is the text:
      """
      {tablet}

      """
    When I GET "/api/_tablet/_download?file={snapshot}/{tablet}/{schema_hash}&token={token}&type=V2" on the BE without credentials
    Then the body matches "^{tablet}\.hdr\|\d+\n$"
    When I GET "/api/_tablet/_download?file={snapshot}/{tablet}/{schema_hash}/{tablet}.hdr&token={token}" on the BE without credentials
    Then the status is 200
    And the JSON field "tablet_id" is the number {tablet}
    And the JSON field "schema_hash" is the number {schema_hash}
    When I HEAD "/api/_tablet/_download?file={snapshot}/{tablet}/{schema_hash}/{tablet}.hdr&token={token}" on the BE without credentials
    Then the status is 200
    And the header "Content-Length" is a number greater than "0"
    And the body is ""

  # Not re-read at a pinned commit (download_action.cpp, runtime_state.cpp, the planner's __op check): as the catalog has it.
  @catalog
  Scenario: _download_load serves the error logs under the store path
    Given I noted the header "token" of GET "/check" from an FE host as "token"
    And I noted the BE configuration "storage_root_path" from /varz as "root"
    And the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "1"
    When I stream load "5,e,50\n6,f\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    When I GET "/api/_download_load?file={root}/error_log&token={token}" on the BE without credentials
    Then the status is 200
    And the body has a line matching "^error_log_[0-9a-f]+_[0-9a-f]+$"

  # --- Generated partitions ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MigrationAction.java MigrationAction::executeWithoutPassword @ 1ac65f25ac
  @source-checked
  Scenario: A batch of day partitions is named p<yyyyMMdd> and loads route to it
    Given the StarRocks table "{db}.{days}" created with:
      """
      CREATE TABLE {db}.{days} (dt DATE, id INT)
      DUPLICATE KEY (dt)
      PARTITION BY RANGE (dt) (START ("2024-01-01") END ("2024-01-04") EVERY (INTERVAL 1 DAY))
      DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")
      """
    And the request header "column_separator" is ","
    And the request header "partitions" is "p20240102"
    When I stream load "2024-01-02,1\n2024-01-02,2\n" into "{db}.{days}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id FROM {db}.{days} PARTITION (p20240102) ORDER BY id" returns:
      | 1 |
      | 2 |
    When I GET "/api/_migration?db={db}&tbl={days}" on the FE
    Then the body matches "^\[\[\"{days}\",\"p20240101\",\d+,\d+,\d+\],\[\"{days}\",\"p20240102\",\d+,\d+,\d+\],\[\"{days}\",\"p20240103\",\d+,\d+,\d+\]\]$"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MigrationAction.java MigrationAction::executeWithoutPassword @ 1ac65f25ac
  @source-checked
  Scenario: A numeric batch is named p<lower bound>
    Given the StarRocks table "{db}.{nums}" created with:
      """
      CREATE TABLE {db}.{nums} (k INT, v INT)
      DUPLICATE KEY (k)
      PARTITION BY RANGE (k) (START ("1") END ("21") EVERY (10))
      DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ("replication_num" = "1")
      """
    When I GET "/api/_migration?db={db}&tbl={nums}" on the FE
    Then the body matches "\"p1\".*\"p11\""

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MigrationAction.java MigrationAction::executeWithoutPassword @ 1ac65f25ac
  @source-checked
  Scenario: An expression-partitioned table gets a partition per day its loads bring
    Given the StarRocks table "{db}.{expr}" created with:
      """
      CREATE TABLE {db}.{expr} (dt DATETIME, id INT)
      DUPLICATE KEY (dt)
      PARTITION BY date_trunc('day', dt)
      DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")
      """
    And the request header "column_separator" is ","
    When I stream load "2024-01-05 10:00:00,1\n2024-01-06 11:00:00,2\n2024-01-05 23:00:00,3\n" into "{db}.{expr}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id FROM {db}.{expr} PARTITION (p20240105) ORDER BY id" returns:
      | 1 |
      | 3 |
    When I GET "/api/_migration?db={db}&tbl={expr}" on the FE
    Then the body matches "^\[\[\"{expr}\",\"p20240105\",\d+,\d+,\d+\],\[\"{expr}\",\"p20240106\",\d+,\d+,\d+\]\]$"
