@starrocks @doc:stream-load
Feature: The StarRocks documentation's Stream Load examples
  The curl examples of the Stream Load pages, run as the docs write them, with
  the answers the source gives. Where the page shows another answer than the
  source, the scenario follows the source and says what the page shows. The
  docs' fixed names (mydatabase, table1, label 123, streamload_txn_example1_table1)
  become the scenario's own so that scenarios do not share state.

  # --- docs/en/loading/StreamLoad.md: "Load CSV data" ---

  # docs: docs/en/loading/StreamLoad.md @ 013fa3c1e7
  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_json @ dda2059898
  @source-checked @docs-example
  Scenario: StreamLoad.md loads example1.csv into table1 with column_separator and columns
    Given the StarRocks table "{db}.{table1}" created with:
      """
      CREATE TABLE {db}.{table1}
      (
          `id` int(11) NOT NULL COMMENT "user ID",
          `name` varchar(65533) NULL COMMENT "user name",
          `score` int(11) NOT NULL COMMENT "user score"
      )
      ENGINE=OLAP
      PRIMARY KEY(`id`)
      DISTRIBUTED BY HASH(`id`) PROPERTIES ("replication_num" = "1")
      """
    And the request header "label" is "{label}"
    And the request header "column_separator" is ","
    And the request header "columns" is "id, name, score"
    When I stream load into "{db}.{table1}" through the FE the lines:
      """
      1,Lily,23
      2,Rose,23
      3,Alice,24
      4,Julia,25
      """
    Then the stream load succeeded
    And the JSON answer has:
      | Label            | {label} |
      | NumberTotalRows  | 4       |
      | NumberLoadedRows | 4       |
    And the MySQL query "SELECT id, name, score FROM {db}.{table1} ORDER BY id" returns:
      | 1 | Lily  | 23 |
      | 2 | Rose  | 23 |
      | 3 | Alice | 24 |
      | 4 | Julia | 25 |

  # --- docs/en/loading/StreamLoad.md: "Load JSON data" ---

  # The page shows the table under "4 rows in set"; it holds one row.
  # docs: docs/en/loading/StreamLoad.md @ 013fa3c1e7
  # source: be/src/http/action/stream_load.cpp StreamLoadAction::_process_put @ 0072603686
  @source-checked @docs-example
  Scenario: StreamLoad.md loads example2.json into table2 through jsonpaths and a computed column
    Given the StarRocks table "{db}.{table2}" created with:
      """
      CREATE TABLE {db}.{table2}
      (
          `id` int(11) NOT NULL COMMENT "city ID",
          `city` varchar(65533) NULL COMMENT "city name"
      )
      ENGINE=OLAP
      PRIMARY KEY(`id`)
      DISTRIBUTED BY HASH(`id`) PROPERTIES ("replication_num" = "1")
      """
    And the request header "strict_mode" is "true"
    And the request header "format" is "json"
    And the request header "jsonpaths" is "[\"$.name\", \"$.code\"]"
    And the request header "columns" is "city,tmp_id, id = tmp_id * 100"
    When I stream load "{\"name\": \"Beijing\", \"code\": 2}" into "{db}.{table2}" through the FE
    Then the stream load succeeded
    And the MySQL query "SELECT id, city FROM {db}.{table2}" returns:
      | 200 | Beijing |

  # --- docs/en/loading/Stream_Load_transaction_interface.md ---

  # docs: docs/en/loading/Stream_Load_transaction_interface.md @ 0139ff2d09
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeTransaction @ 0123c994f8
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_resp_json @ dda2059898
  @source-checked @docs-example @doc:transaction
  Scenario: Start a transaction: the page's answer, field for field
    Given a StarRocks table "{db}.{table1}" with the columns "id INT, name VARCHAR(20), score INT"
    And the transaction "{label}" on the table "{db}.{table1}"
    When I begin the transaction
    Then the FE redirected the request to "/api/transaction/begin" on a BE
    And the body is like the text:
      """
      {
          "Status": "OK",
          "Message": "",
          "Label": "{label}",
          "TxnId": {txn},
          "BeginTxnTimeMs": {number}
      }
      """

  # The page shows ExistingJobStatus RUNNING and the label message for a duplicate label; a label still
  # open on the coordinator BE is refused there with both fields empty (the page's answer is the FE's
  # loadTxnBegin refusal, for a label the BE does not hold).
  # docs: docs/en/loading/Stream_Load_transaction_interface.md @ 0139ff2d09
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::begin_transaction @ 058edb96bb
  @source-checked @docs-example @doc:transaction
  Scenario: Start a transaction with a duplicate label
    Given a StarRocks table "{db}.{table1}" with the columns "id INT, name VARCHAR(20), score INT"
    And the transaction "{label}" on the table "{db}.{table1}"
    And I began the transaction
    When I begin the transaction
    Then the body is the text:
      """
      {
          "Status": "LABEL_ALREADY_EXISTS",
          "ExistingJobStatus": "",
          "Message": ""
      }
      """

  # The page's write answer has TxnId first, Seq, row counts and StreamLoadPutTimeMs; the BE answers
  # Status, Message, Label, TxnId, the bytes of this request, StreamLoadPlanTimeMs and ReceivedDataTimeMs.
  # docs: docs/en/loading/Stream_Load_transaction_interface.md @ 0139ff2d09
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_resp_json @ dda2059898
  # source: be/src/http/action/transaction_stream_load.cpp TransactionStreamLoadAction::handle @ 057c2a9e26
  @source-checked @docs-example @doc:transaction
  Scenario: Write data: example1.csv with column_separator
    Given a StarRocks table "{db}.{table1}" with the columns "id INT, name VARCHAR(20), score INT"
    And the transaction "{label}" on the table "{db}.{table1}"
    And I began the transaction
    And the request header "column_separator" is ","
    When I load "1,Lily,23\n2,Rose,23\n3,Alice,24\n4,Julia,25\n" in the transaction
    Then the FE redirected the request to "/api/transaction/load" on a BE
    And the body is like the text:
      """
      {
          "Status": "OK",
          "Message": "",
          "Label": "{label}",
          "TxnId": {txn},
          "LoadBytes": 42,
          "StreamLoadPlanTimeMs": {number},
          "ReceivedDataTimeMs": {number}
      }
      """

  # The page lists TxnId, Label, Status first and StreamLoadPutTimeMs; the BE starts with Status,
  # Message, Label, TxnId and calls it StreamLoadPlanTimeMs.
  # docs: docs/en/loading/Stream_Load_transaction_interface.md @ 0139ff2d09
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::commit_transaction @ 058edb96bb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_resp_json @ dda2059898
  @source-checked @docs-example @doc:transaction
  Scenario: Pre-commit a transaction with prepared_timeout
    Given a StarRocks table "{db}.{table1}" with the columns "id INT, name VARCHAR(20), score INT"
    And the transaction "{label}" on the table "{db}.{table1}"
    And I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,Lily,23\n2,Rose,23\n3,Alice,24\n4,Julia,25\n" in the transaction
    And the request header "prepared_timeout" is "300"
    When I prepare the transaction
    Then the FE redirected the request to "/api/transaction/prepare" on a BE
    And the body is like the text:
      """
      {
          "Status": "OK",
          "Message": "",
          "Label": "{label}",
          "TxnId": {txn},
          "NumberTotalRows": 4,
          "NumberLoadedRows": 4,
          "NumberFilteredRows": 0,
          "NumberUnselectedRows": 0,
          "LoadBytes": 42,
          "LoadTimeMs": {number},
          "StreamLoadPlanTimeMs": {number},
          "ReceivedDataTimeMs": {number},
          "WriteDataTimeMs": {number},
          "CommitAndPublishTimeMs": {number}
      }
      """
    And the transaction's state on the FE is "PREPARED"

  # The page shows the BE's row counts for a commit; the FE commits a prepared transaction itself and
  # answers Status, Message, TxnId and Label. A second commit says "Transaction <id> has already
  # committed, label is <label>" where the page writes "Transaction already commited".
  # docs: docs/en/loading/Stream_Load_transaction_interface.md @ 0139ff2d09
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleCommitTransaction @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionResult.java TransactionResult::toJson @ 6950b37a1a
  @source-checked @docs-example @doc:transaction
  Scenario: Commit a transaction, then commit it again
    Given a StarRocks table "{db}.{table1}" with the columns "id INT, name VARCHAR(20), score INT"
    And the transaction "{label}" on the table "{db}.{table1}"
    And I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,Lily,23\n2,Rose,23\n3,Alice,24\n4,Julia,25\n" in the transaction
    And I prepared the transaction
    When I commit the transaction
    Then the FE answered the request itself
    And the set of keys of the JSON body is "Status, TxnId, Message, Label"
    And the JSON answer has:
      | Status  | OK      |
      | Message |         |
      | Label   | {label} |
    And the MySQL query "SELECT count(*) FROM {db}.{table1}" returns:
      | 4 |
    When I commit the transaction
    Then the JSON answer has:
      | Status  | OK                                                        |
      | Message | Transaction {txn} has already committed, label is {label} |

  # The page's rollback answer has the same four keys as the FE's answer for a prepared transaction.
  # docs: docs/en/loading/Stream_Load_transaction_interface.md @ 0139ff2d09
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleRollbackTransaction @ 0123c994f8
  @source-checked @docs-example @doc:transaction
  Scenario: Roll back a prepared transaction
    Given a StarRocks table "{db}.{table1}" with the columns "id INT, name VARCHAR(20), score INT"
    And the transaction "{label}" on the table "{db}.{table1}"
    And I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,Lily,23\n" in the transaction
    And I prepared the transaction
    When I roll back the transaction
    Then the FE answered the request itself
    And the set of keys of the JSON body is "Status, TxnId, Message, Label"
    And the JSON answer has:
      | Status  | OK      |
      | Message |         |
      | Label   | {label} |
    And the transaction's state on the FE is "ABORTED"

  # The page shows Status FAILED with "Transcation Not Exist" (sic); the FE finds no transaction for
  # the label and says so with the exception class in front.
  # docs: docs/en/loading/Stream_Load_transaction_interface.md @ 0139ff2d09
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::getTxnOperationHandler @ 0123c994f8
  @source-checked @docs-example @doc:transaction
  Scenario: Commit a transaction that does not exist
    Given a StarRocks table "{db}.{table1}" with the columns "id INT, name VARCHAR(20), score INT"
    And the transaction "{label}" on the table "{db}.{table1}"
    When I commit the transaction on the FE
    Then the body is the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: No transaction found with db[{db}] and label[{label}]"
      }
      """
