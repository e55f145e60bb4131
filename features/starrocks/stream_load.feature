@starrocks @doc:stream-load
Feature: Stream Load
  A client PUTs a file to the FE at /api/{db}/{table}/_stream_load with
  `Expect: 100-continue`. The FE checks the credentials and answers 307 to a
  BE, which the client follows with the same credentials (curl
  --location-trusted). The BE loads the rows in one transaction and answers
  HTTP 200 with a JSON report whose fields come in a fixed order
  (stream_load_context.cpp to_json): Status is Success, Publish Timeout,
  Label Already Exists or Fail, Message is "OK" on success, TxnId is -1 when
  the load failed before its transaction began.

  Background:
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"

  # --- The FE leg (LoadAction.java) ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/LoadAction.java LoadAction::processNormalStreamLoad @ 0178d9be75
  # source: be/src/http/action/stream_load.cpp StreamLoadAction::handle @ 0072603686
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_json @ dda2059898
  @source-checked
  Scenario: The seed's walk: load a CSV through the FE, read it back over MySQL
    Given the request header "label" is "{label}"
    And the request header "column_separator" is ","
    When I stream load into "{db}.{t}" through the FE the lines:
      """
      1,a,10
      2,b,20
      3,c,30
      """
    Then the FE redirected the request to "/api/{db}/{t}/_stream_load" on a BE
    And the status is 200
    And the status is 200
    And the body is like the text:
      """
      {
          "TxnId": {txn},
          "Label": "{label}",
          "Status": "Success",
          "Message": "OK",
          "NumberTotalRows": 3,
          "NumberLoadedRows": 3,
          "NumberFilteredRows": 0,
          "NumberUnselectedRows": 0,
          "LoadBytes": 21,
          "LoadTimeMs": {number},
          "BeginTxnTimeMs": {number},
          "StreamLoadPlanTimeMs": {number},
          "ReadDataTimeMs": {number},
          "WriteDataTimeMs": {number},
          "CommitAndPublishTimeMs": {number}
      }
      """
    And the MySQL query "SELECT id, name, score FROM {db}.{t} ORDER BY id" returns:
      | 1 | a | 10 |
      | 2 | b | 20 |
      | 3 | c | 30 |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/LoadAction.java LoadAction::executeWithoutPasswordInternal @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseAction.java RestBaseAction::redirectTo @ f1d96ccd19
  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::writeResponse @ 0178d9be75
  @source-checked
  Scenario: The FE answers 307 at once: no 100 Continue, no body read, Location without credentials, Connection close
    Given the request header "label" is "{label}"
    When I stream load "1\ta\t10\n" into "{db}.{t}" on the FE
    Then the status is 307
    And the body is empty
    And the header "Location" is like "http://{be}/api/{db}/{t}/_stream_load"
    And the header "Connection" is "close"
    And the FE sent no "100 Continue"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseAction.java RestBaseAction::redirectTo @ f1d96ccd19
  @source-checked
  Scenario: The Location keeps the query string of the request
    When I stream load "1\ta\t10\n" into "{db}.{t}?olapspec=1" on the FE
    Then the status is 307
    And the header "Location" is like "http://{be}/api/{db}/{t}/_stream_load?olapspec=1"

  # LoadAction answers a TransactionResult, pretty-printed by Gson with two spaces.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/LoadAction.java LoadAction::executeWithoutPassword @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionResult.java TransactionResult::toJson @ 6950b37a1a
  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::writeResponse @ 0178d9be75
  @source-checked
  Scenario: Without "Expect: 100-continue" the FE refuses an HTTP/1.1 load and closes the connection
    When I PUT "/api/{db}/{t}/_stream_load" on the FE with the body "1\ta\t10\n"
    Then the status is 200
    And the header "Connection" is "close"
    And the body is the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.DdlException: There is no 100-continue header"
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/LoadAction.java LoadAction::isExpectHeaderValid @ 0178d9be75
  @source-checked
  Scenario: An HTTP/1.0 load needs no "Expect: 100-continue"
    When I stream load "1\ta\t10\n" into "{db}.{t}" on the FE over HTTP/1.0
    Then the status is 307
    And the header "Location" is like "http://{be}/api/{db}/{t}/_stream_load"

  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::getAuthorizationInfo @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseAction.java RestBaseAction::handleRequest @ f1d96ccd19
  @source-checked
  Scenario: The FE checks credentials before anything else
    When I stream load "1\ta\t10\n" into "{db}.{t}" on the FE without credentials
    Then the FE answers 401 with the FAILED envelope "Need auth information."

  # The FE does not look the table up; the BE's begin-transaction call to the FE does.
  # source: fe/fe-core/src/main/java/com/starrocks/service/FrontendServiceImpl.java FrontendServiceImpl::loadTxnBeginImpl @ ce6b3b0b81
  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_on_header @ 0072603686
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_json @ dda2059898
  @source-checked
  Scenario: An unknown table is reported by the BE, before any transaction
    When I stream load "1\ta\t10\n" into "{db}.{nosuch}" through the FE
    Then the FE redirected the request to "/api/{db}/{nosuch}/_stream_load" on a BE
    And the status is 200
    And the status is 200
    And the body is like the text:
      """
      {
          "TxnId": -1,
          "Label": "{anything}",
          "Status": "Fail",
          "Message": "unknown table \"{db}.{nosuch}\"",
          "NumberTotalRows": 0,
          "NumberLoadedRows": 0,
          "NumberFilteredRows": 0,
          "NumberUnselectedRows": 0,
          "LoadBytes": 0,
          "LoadTimeMs": {number},
          "BeginTxnTimeMs": {number},
          "StreamLoadPlanTimeMs": 0,
          "ReadDataTimeMs": 0,
          "WriteDataTimeMs": 0,
          "CommitAndPublishTimeMs": 0
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/service/FrontendServiceImpl.java FrontendServiceImpl::loadTxnBeginImpl @ ce6b3b0b81
  @source-checked
  Scenario: An unknown database is reported by the BE
    When I stream load "1\ta\t10\n" into "{nosuchdb}.{t}" through the FE
    Then the status is 200
    And the JSON answer has:
      | TxnId   | -1                                    |
      | Status  | Fail                                  |
      | Message | unknown database, database={nosuchdb} |

  # --- Labels ---

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::on_header @ 0072603686
  @source-checked
  Scenario: Without a label header the BE makes up a UUID
    When I stream load "1\ta\t10\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the JSON field "Label" matches "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

  # source: fe/fe-core/src/main/java/com/starrocks/service/FrontendServiceImpl.java FrontendServiceImpl::loadTxnBegin @ ce6b3b0b81
  # source: fe/fe-core/src/main/java/com/starrocks/common/LabelAlreadyUsedException.java LabelAlreadyUsedException::LabelAlreadyUsedException @ 161fd09e76
  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::begin_txn @ 037487dfcb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_json @ dda2059898
  @source-checked
  Scenario: A label loads once; the second load with it is refused and loads nothing
    Given the request header "label" is "{label}"
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n"
    And the request header "label" is "{label}"
    And the request header "column_separator" is ","
    When I stream load "2,b,20\n" into "{db}.{t}" through the FE
    Then the status is 200
    And the status is 200
    And the body is like the text:
      """
      {
          "TxnId": -1,
          "Label": "{label}",
          "Status": "Label Already Exists",
          "ExistingJobStatus": "FINISHED",
          "Message": "Label [{label}] has already been used.",
          "NumberTotalRows": 0,
          "NumberLoadedRows": 0,
          "NumberFilteredRows": 0,
          "NumberUnselectedRows": 0,
          "LoadBytes": 0,
          "LoadTimeMs": {number},
          "BeginTxnTimeMs": {number},
          "StreamLoadPlanTimeMs": 0,
          "ReadDataTimeMs": 0,
          "WriteDataTimeMs": 0,
          "CommitAndPublishTimeMs": 0
      }
      """
    And the MySQL query "SELECT id FROM {db}.{t} ORDER BY id" returns:
      | 1 |

  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::execute_plan_fragment @ 037487dfcb
  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::rollback_txn @ 037487dfcb
  @source-checked
  Scenario: The label of a failed load can be used again
    Given the request header "label" is "{label}"
    And the request header "column_separator" is ","
    When I stream load "1,a,10\n2,b\n" into "{db}.{t}" through the FE
    Then the JSON answer has:
      | Status  | Fail                   |
      | Message | too many filtered rows |
    Given the request header "label" is "{label}"
    And the request header "column_separator" is ","
    When I stream load "1,a,10\n" into "{db}.{t}" through the FE
    Then the stream load succeeded

  # source: fe/fe-core/src/main/java/com/starrocks/service/FrontendServiceImpl.java FrontendServiceImpl::loadTxnBegin @ ce6b3b0b81
  @source-checked
  Scenario: Loads with the same label at the same time load once
    Given the request header "column_separator" is ","
    When I stream load "1,a,10\n2,b,20\n" into "{db}.{t}" through the FE 3 times at once with the label "{label}"
    Then one of those loads answered "Success" and the others "Label Already Exists"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 2 |

  # source: fe/fe-core/src/main/java/com/starrocks/common/Config.java Config::label_keep_max_second @ 04858c02c9
  @source-checked
  Scenario: Labels are kept three days by default
    Then the MySQL query "ADMIN SHOW FRONTEND CONFIG LIKE 'label_keep_max_second'" has a row whose "Value" is "259200"

  # --- Filtered and unselected rows (stream_load_executor.cpp) ---

  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::execute_plan_fragment @ 037487dfcb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_json @ dda2059898
  @source-checked
  Scenario: A load with rows that do not parse fails as a whole and stores nothing
    Given the request header "column_separator" is ","
    When I stream load "1,a,10\n2,b\n3,c,30\n" into "{db}.{t}" through the FE
    Then the status is 200
    And the JSON answer has:
      | TxnId                | {number}               |
      | Status               | Fail                   |
      | Message              | too many filtered rows |
      | NumberTotalRows      | 3                      |
      | NumberLoadedRows     | 2                      |
      | NumberFilteredRows   | 1                      |
      | NumberUnselectedRows | 0                      |
    And the JSON field "ErrorURL" matches "^http://[^/]+/api/_load_error_log\?file=error_log_[0-9a-f]+_[0-9a-f]+$"
    And the keys of the JSON body end with "CommitAndPublishTimeMs, ErrorURL"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::execute_plan_fragment @ 037487dfcb
  @source-checked
  Scenario: max_filter_ratio lets a share of the rows be filtered
    Given the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "0.5"
    When I stream load "1,a,10\n2,b\n3,c,30\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the JSON answer has:
      | NumberTotalRows    | 3 |
      | NumberLoadedRows   | 2 |
      | NumberFilteredRows | 1 |
    And the JSON field "ErrorURL" matches "^http://[^/]+/api/_load_error_log\?file=error_log_"
    And the MySQL query "SELECT id FROM {db}.{t} ORDER BY id" returns:
      | 1 |
      | 3 |

  # Every line is "Error: <reason>. Row: <row>" (a summary line is "Error: <text>"); /api/_load_error_log
  # is a DownloadAction of the error-log kind, which checks no token and serves only files.
  # source: be/src/orchestration/stream_load_orchestrator.cpp StreamLoadOrchestrator::execute_plan_fragment @ 7fef097562
  # source: be/src/compute_env/load_path/load_path_state_helper.cpp LoadPathStateHelper::append_error_msg_to_file @ 8597e3cd35
  # source: be/src/http/service/download_action.cpp DownloadAction::handle_error_log @ 68bc95ea67
  @source-checked
  Scenario: The error log of a load names each rejected row, without credentials
    Given the request header "column_separator" is ","
    And the request header "max_filter_ratio" is "1"
    When I stream load "1,a,10\n2,olapspec-bad-row\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    When I GET the ErrorURL of the answer without credentials
    Then the status is 200
    And every line of the body matches "^Error: "
    And the body contains "olapspec-bad-row"

  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::execute_plan_fragment @ 037487dfcb
  @source-checked
  Scenario: Rows that "where" drops are unselected, not filtered, and do not count against the ratio
    Given the request header "column_separator" is ","
    And the request header "where" is "score > 15"
    When I stream load "1,a,10\n2,b,20\n3,c,30\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the JSON answer has:
      | NumberTotalRows      | 3 |
      | NumberLoadedRows     | 2 |
      | NumberFilteredRows   | 0 |
      | NumberUnselectedRows | 1 |
    And the MySQL query "SELECT id FROM {db}.{t} ORDER BY id" returns:
      | 2 |
      | 3 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: Without strict mode a value that does not convert becomes NULL
    Given the request header "column_separator" is ","
    When I stream load "1,a,x\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, score FROM {db}.{t}" returns:
      | 1 | NULL |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::execute_plan_fragment @ 037487dfcb
  @source-checked
  Scenario: In strict mode a value that does not convert filters the row
    Given the request header "column_separator" is ","
    And the request header "strict_mode" is "true"
    When I stream load "1,a,x\n" into "{db}.{t}" through the FE
    Then the JSON answer has:
      | Status             | Fail                   |
      | Message            | too many filtered rows |
      | NumberFilteredRows | 1                      |

  # --- CSV headers ---

  # source: be/src/http/action/stream_load.cpp parse_format @ 0072603686
  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: The default CSV layout is tab-separated, one row per line
    When I stream load "1\ta\t10\n2\tb\t20\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name, score FROM {db}.{t} ORDER BY id" returns:
      | 1 | a | 10 |
      | 2 | b | 20 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: column_separator in hex notation
    Given the request header "column_separator" is "\\x01"
    When I stream load "1\x01a\x0110\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name, score FROM {db}.{t}" returns:
      | 1 | a | 10 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: row_delimiter sets the end of a row
    Given the request header "column_separator" is ","
    And the request header "row_delimiter" is "|"
    When I stream load "1,a,10|2,b,20|" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id FROM {db}.{t} ORDER BY id" returns:
      | 1 |
      | 2 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: columns maps and computes columns
    Given the request header "column_separator" is ","
    And the request header "columns" is "id, name, tmp, score = tmp * 10"
    When I stream load "1,a,2\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name, score FROM {db}.{t}" returns:
      | 1 | a | 20 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: skip_header skips the first lines
    Given the request header "column_separator" is ","
    And the request header "skip_header" is "1"
    When I stream load "id,name,score\n1,a,10\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name, score FROM {db}.{t}" returns:
      | 1 | a | 10 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: trim_space removes spaces around unenclosed fields
    Given the request header "column_separator" is ","
    And the request header "trim_space" is "true"
    When I stream load " 1 , a , 10 \n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name, score FROM {db}.{t}" returns:
      | 1 | a | 10 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: enclose and escape protect separators inside a field
    Given the request header "column_separator" is ","
    And the request header "enclose" is "\""
    And the request header "escape" is "\\"
    When I stream load "1,\"a,b\",10\n2,\"c\\\"d\",20\n" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name FROM {db}.{t} ORDER BY id" returns:
      | 1 | a,b |
      | 2 | c"d |

  # --- JSON ---

  # source: be/src/http/action/stream_load.cpp parse_format @ 0072603686
  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: format json with strip_outer_array loads an array of objects by key
    Given the request header "format" is "json"
    And the request header "strip_outer_array" is "true"
    When I stream load "[{\"id\":1,\"name\":\"a\",\"score\":10},{\"score\":20,\"id\":2,\"name\":\"b\"}]" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name, score FROM {db}.{t} ORDER BY id" returns:
      | 1 | a | 10 |
      | 2 | b | 20 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: jsonpaths and json_root pick values out of nested JSON
    Given the request header "format" is "json"
    And the request header "json_root" is "$.data"
    And the request header "strip_outer_array" is "true"
    And the request header "jsonpaths" is "[\"$.k\", \"$.v.n\", \"$.v.s\"]"
    And the request header "columns" is "id, name, score"
    When I stream load "{\"data\":[{\"k\":1,\"v\":{\"n\":\"a\",\"s\":10}}]}" into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name, score FROM {db}.{t}" returns:
      | 1 | a | 10 |

  # --- Compressed data ---

  # source: be/src/http/action/stream_load.cpp parse_format @ 0072603686
  @source-checked
  Scenario Outline: format <format> loads compressed CSV
    Given the request header "format" is "<format>"
    And the request header "column_separator" is ","
    When I stream load "1,a,10\n2,b,20\n" compressed with <codec> into "{db}.{t}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 2 |

    Examples:
      | format | codec |
      | gzip   | gzip  |
      | GZIP   | gzip  |
      | zstd   | zstd  |

  # --- Key models ---

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: A primary key table keeps the last row of each key
    Given the StarRocks table "{db}.{pk}" created with:
      """
      CREATE TABLE {db}.{pk} (id INT NOT NULL, name VARCHAR(20), score INT)
      PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")
      """
    And I stream loaded into "{db}.{pk}" the CSV "1,a,10\n2,b,20\n"
    And I stream loaded into "{db}.{pk}" the CSV "1,z,11\n"
    Then the MySQL query "SELECT id, name, score FROM {db}.{pk} ORDER BY id" returns:
      | 1 | z | 11 |
      | 2 | b | 20 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: partial_update on a primary key table changes only the loaded columns
    Given the StarRocks table "{db}.{pk}" created with:
      """
      CREATE TABLE {db}.{pk} (id INT NOT NULL, name VARCHAR(20), score INT)
      PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")
      """
    And I stream loaded into "{db}.{pk}" the CSV "1,a,10\n"
    And the request header "column_separator" is ","
    And the request header "partial_update" is "true"
    And the request header "columns" is "id, score"
    When I stream load "1,99\n" into "{db}.{pk}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, name, score FROM {db}.{pk}" returns:
      | 1 | a | 99 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: An aggregate table aggregates on load
    Given the StarRocks table "{db}.{agg}" created with:
      """
      CREATE TABLE {db}.{agg} (k INT, total BIGINT SUM, biggest INT MAX)
      AGGREGATE KEY (k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ("replication_num" = "1")
      """
    And I stream loaded into "{db}.{agg}" the CSV "1,10,10\n1,5,30\n2,1,1\n"
    And I stream loaded into "{db}.{agg}" the CSV "1,1,20\n"
    Then the MySQL query "SELECT k, total, biggest FROM {db}.{agg} ORDER BY k" returns:
      | 1 | 16 | 30 |
      | 2 | 1  | 1  |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: partitions loads into the named partitions only
    Given the StarRocks table "{db}.{part}" created with:
      """
      CREATE TABLE {db}.{part} (id INT, name VARCHAR(20))
      DUPLICATE KEY (id)
      PARTITION BY RANGE (id) (PARTITION p1 VALUES LESS THAN ("10"), PARTITION p2 VALUES LESS THAN ("20"))
      DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ("replication_num" = "1")
      """
    And the request header "column_separator" is ","
    And the request header "partitions" is "p1"
    When I stream load "1,a\n2,b\n" into "{db}.{part}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id FROM {db}.{part} PARTITION (p1) ORDER BY id" returns:
      | 1 |
      | 2 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: timezone is accepted
    Given the request header "column_separator" is ","
    And the request header "timezone" is "Asia/Shanghai"
    When I stream load "1,a,10\n" into "{db}.{t}" through the FE
    Then the stream load succeeded

  # --- Header validation (stream_load.cpp): format and timeout are read before the transaction begins,
  # the other headers after it (_process_put), so their refusals carry the transaction's id ---

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_on_header @ 0072603686
  @source-checked
  Scenario Outline: The BE refuses <header>: <value> before any transaction
    Given the request header "<header>" is "<value>"
    When I stream load "1\ta\t10\n" into "{db}.{t}" through the FE
    Then the status is 200
    And the JSON answer has:
      | TxnId   | -1        |
      | Status  | Fail      |
      | Message | <message> |

    Examples:
      | header  | value | message                         |
      | format  | xml   | unknown data format, format=xml |
      | timeout | soon  | Invalid timeout format          |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  # source: be/src/http/action/stream_load.cpp StreamLoadAction::on_header @ 0072603686
  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::rollback_txn @ 037487dfcb
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java GetStreamLoadState::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario Outline: The BE refuses <header>: <value> in the transaction it began, and rolls it back
    Given the request header "label" is "{label}"
    And the request header "<header>" is "<value>"
    When I stream load "1\ta\t10\n" into "{db}.{t}" through the FE
    Then the status is 200
    And the JSON answer has:
      | TxnId   | {id}      |
      | Status  | Fail      |
      | Message | <message> |
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |
    When I GET "/api/{db}/get_load_state?label={label}" on the FE
    Then the body is '{"state":"ABORTED","reason":"<message>","status":"OK","code":"0","msg":"Success","message":"OK"}'

    Examples:
      | header         | value | message                                               |
      | strict_mode    | maybe | Invalid strict mode format. Must be bool type         |
      | trim_space     | maybe | Invalid trim space format. Must be bool type          |
      | skip_header    | -1    | skip_header must be equal or greater than 0           |
      | skip_header    | one   | Invalid csv load skip_header format                   |
      | partial_update | maybe | Invalid partial update flag format. Must be bool type |
      | load_mem_limit | -1    | load_mem_limit must be equal or greater than 0        |
      | load_mem_limit | lots  | Invalid load mem limit format                         |
      | exec_mem_limit | 0     | exec_mem_limit must be greater than 0                 |
      | load_dop       | many  | Invalid load_dop format                               |
      | log_rejected_record_num | -2 | log_rejected_record_num must be equal or greater than -1 |
      | log_rejected_record_num | all | Invalid log_rejected_record_num format              |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: Content-Encoding and compression cannot be combined
    Given the request header "format" is "json"
    And the request header "Content-Encoding" is "gzip"
    And the request header "compression" is "gzip"
    When I stream load "{\"id\":1}" into "{db}.{t}" through the FE
    Then the JSON answer has:
      | TxnId   | {id}                                                            |
      | Status  | Fail                                                            |
      | Message | Only one of http header content-encoding and compression can be set |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked
  Scenario: partitions and temporary_partitions cannot be combined
    Given the request header "partitions" is "p1"
    And the request header "temporary_partitions" is "tp1"
    When I stream load "1\ta\t10\n" into "{db}.{t}" through the FE
    Then the JSON answer has:
      | TxnId   | {id}                                                     |
      | Status  | Fail                                                     |
      | Message | Can not specify both partitions and temporary partitions |

  # --- The BE directly ---

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::on_header @ 0072603686
  @source-checked
  Scenario: A load sent straight to the BE works the same
    Given the request header "label" is "{label}"
    And the request header "column_separator" is ","
    When I stream load "1,a,10\n" into "{db}.{t}" on the BE
    Then the stream load succeeded
    And the JSON field "Label" is "{label}"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 1 |

  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_on_header @ 0072603686
  @source-checked
  Scenario: The BE wants Basic credentials to pass on to the FE
    When I stream load "1\ta\t10\n" into "{db}.{t}" on the BE without credentials
    Then the status is 200
    And the JSON answer has:
      | TxnId   | -1                           |
      | Status  | Fail                         |
      | Message | no valid Basic authorization |

  # source: fe/fe-core/src/main/java/com/starrocks/service/FrontendServiceImpl.java FrontendServiceImpl::checkPasswordAndLoadPriv @ ce6b3b0b81
  @source-checked
  Scenario: The BE has its FE check the password
    When I stream load "1\ta\t10\n" into "{db}.{t}" on the BE as "root" with the password "olapspec-wrong-password"
    Then the status is 200
    And the JSON answer has:
      | TxnId  | -1   |
      | Status | Fail |
    And the JSON field "Message" matches "^Access denied for root@"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |

  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 305b57c19e
  @source-checked
  Scenario: The BE answers stream load only to PUT
    When I POST "/api/{db}/{t}/_stream_load" on the BE with the body "1\ta\t10\n"
    Then the status is 404
