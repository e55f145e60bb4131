@starrocks @doc:stream-load
Feature: Deletes, rejected records, downloads and generated partitions
  A PRIMARY KEY load may delete rows: the hidden `__op` column (0 upsert,
  1 delete) comes from a source field or an expression of the `columns`
  header (Load.java); other tables ignore it. `log_rejected_record_num` no
  longer names a file in the answer: the newest BE hands the rejected rows to
  `_statistics_.rejected_records` (stream_load_orchestrator.cpp,
  rejected_record_writer.cpp). With the cluster token, the BE's download
  handlers stream a file or list a directory under its store paths
  (download_action.cpp, http/service/utils.cpp). Batch partitions
  (`START … END … EVERY`) and expression partitions get StarRocks' generated
  names such as p20240101.

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

  # Load.initColumns exempts `__op` from "Mapping column is not in table" for every table, but only a
  # PRIMARY KEY table gets the __op slot, and StreamLoadScanNode.finalizeParams fills only the
  # destination's slots: the mapping is dropped (the catalog's "Unknown column '__op'" is not in the
  # source). These stored planner files are 3.x-era (the old Analyzer); no newer ones are in the index.
  # source: fe/fe-core/src/main/java/com/starrocks/load/Load.java Load::initColumns @ 4585eae4fd
  # source: fe/fe-core/src/main/java/com/starrocks/planner/StreamLoadPlanner.java StreamLoadPlanner::plan @ ad2b89d64e
  # source: fe/fe-core/src/main/java/com/starrocks/planner/StreamLoadScanNode.java StreamLoadScanNode::finalizeParams @ 3c99b2fbbe
  @source-checked
  Scenario: __op on a table without a primary key is ignored
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"
    And the request header "column_separator" is ","
    And the request header "columns" is "id,name,score,__op=1"
    When I stream load "1,a,10\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the JSON field "NumberLoadedRows" is the number 1
    And the MySQL query "SELECT id, name, score FROM {db}.{t}" returns:
      | 1 | a | 10 |

  # --- log_rejected_record_num ---

  # The orchestrator says so: "The legacy tab-delimited rejected-record file was removed;
  # ctx->rejected_record_path is never populated anymore", and to_json writes RejectedRecordPath only
  # when it is set. The rows go as JSON lines to a file under <store>/rejected_record that a sync
  # daemon claims and moves into _statistics_.rejected_records, so no scenario reads that file.
  # (stream_load_executor.cpp @ 037487dfcb, an older layout, still set `<be_host>:<path>`.)
  # source: be/src/orchestration/stream_load_orchestrator.cpp StreamLoadOrchestrator::execute_plan_fragment @ 7fef097562
  # source: be/src/compute_env/load/stream_load_context.cpp StreamLoadContext::to_json @ 4684f27151
  # source: be/src/compute_env/load_path/rejected_record_writer.cpp RejectedRecordWriter::append_serialized @ 13cb06af74
  @source-checked
  Scenario: log_rejected_record_num names no rejected-record file in the answer
    Given the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "1"
    And the request header "log_rejected_record_num" is "-1"
    When I stream load "5,e,50\n6,f\n7,g\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    And the JSON field "NumberFilteredRows" is the number 2
    And the keys of the JSON body end with "CommitAndPublishTimeMs, ErrorURL"

  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::execute_plan_fragment @ 037487dfcb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_json @ dda2059898
  @source-checked
  Scenario: Without log_rejected_record_num no rejected-record file is written
    Given the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "1"
    When I stream load "5,e,50\n6,f\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    And the keys of the JSON body end with "CommitAndPublishTimeMs, ErrorURL"

  # --- _download_load / _tablet/_download ---

  # The snapshot of a PRIMARY KEY tablet holds a `meta` file (SnapshotMeta, protobuf) and the linked
  # segment files, in the order the directory lists them; other tablets get `<tablet>.hdr` instead.
  # A file without a known extension is text/plain whatever it holds; HEAD answers its length only.
  # source: be/src/storage/snapshot_manager.cpp SnapshotManager::snapshot_full, make_snapshot_on_tablet_meta @ 8ac39faeca
  # source: be/src/http/service/download_action.cpp DownloadAction::handle_normal @ 68bc95ea67
  # source: be/src/http/service/utils.cpp do_dir_response, do_file_response, get_content_type @ 783567a9bb
  @source-checked
  Scenario: A snapshot's directory can be walked and its files downloaded
    Given I noted the tablets of "{db}.{pk}" that _migration lists
    And I GET "/check" on the FE from an FE host without credentials
    And the status is 200
    And I noted the header "token" as "token"
    When I GET "/api/snapshot?tablet_id={tablet}&schema_hash={schema_hash}" on the BE without credentials
    Then the status is 200
    Given I noted the last line of the body as "snapshot"
    When I GET "/api/_tablet/_download?file={snapshot}&token={token}" on the BE without credentials
    Then the status is 200
    And the body is the text:
      """
      {tablet}

      """
    When I GET "/api/_tablet/_download?file={snapshot}/{tablet}&token={token}" on the BE without credentials
    Then the body is the text:
      """
      {schema_hash}

      """
    When I GET "/api/_tablet/_download?file={snapshot}/{tablet}/{schema_hash}&token={token}&type=V2" on the BE without credentials
    Then the status is 200
    And every line of the body matches "^[^/|]+\|\d+$"
    And the body has a line matching "^meta\|\d+$"
    And the body has a line matching "^[0-9a-f]+_0\.dat\|\d+$"
    When I GET "/api/_tablet/_download?file={snapshot}/{tablet}/{schema_hash}/meta&token={token}" on the BE without credentials
    Then the status is 200
    And the header "Content-Type" is "text/plain; charset=utf-8"
    When I HEAD "/api/_tablet/_download?file={snapshot}/{tablet}/{schema_hash}/meta&token={token}" on the BE without credentials
    Then the status is 200
    And the header "Content-Length" is a number greater than "0"
    And the body is ""

  # The error logs live in the first store path (LoadPathMgr::init), which is among the download
  # handler's allowed roots. The step reads storage_root_path as one plain path: a BE with several
  # store paths or a `,medium:` suffix needs the first path written in.
  # source: be/src/compute_env/load_path/load_path_mgr.cpp LoadPathMgr::init, get_load_error_file_name @ 6cc8e74362
  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 061d464c2d
  # source: be/src/http/service/download_action.cpp DownloadAction::handle_normal @ 68bc95ea67
  # source: be/src/http/service/utils.cpp do_dir_response @ 783567a9bb
  @source-checked
  Scenario: _download_load serves the error logs under the store path
    Given I GET "/check" on the FE from an FE host without credentials
    And the status is 200
    And I noted the header "token" as "token"
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
