@starrocks @doc:transaction
Feature: Stream Load transaction interface
  A client begins a transaction with a label, loads data into it any number of
  times, prepares and commits it, or rolls it back; the data becomes visible
  only at commit. Requests go to the FE (`POST /api/transaction/{op}` with the
  headers label, db and table). The FE sends begin, load and prepare — and
  commit or rollback of a transaction still open on a BE — on to the
  coordinator BE with 307; it answers commit and rollback of a prepared or
  finished transaction itself (TransactionWithoutChannelHandler.java).
  The FE's answers are Gson pretty-printed with two spaces, their Status one of
  OK, FAILED, LABEL_ALREADY_EXISTS and their messages prefixed with the Java
  exception class; the BE's are rapidjson pretty-printed with four spaces and
  their Status is a TStatusCode name (transaction_mgr.cpp, stream_load_context.cpp).
  The FE's TransactionResult is a Java HashMap, so its key order follows the
  map's capacity, which changed between versions (16 in TransactionResult at
  6950b37a1a gives Status, TxnId, Message, Label; a newer copy made with
  `new HashMap<>(0)` gives Label, Status, TxnId, Message): its four-key
  answers are checked as a set of keys.

  Background:
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), score INT"
    And the transaction "{label}" on the table "{db}.{t}"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeTransaction @ 0123c994f8
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_resp_json @ dda2059898
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::commit_transaction @ 058edb96bb
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleCommitTransaction @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionResult.java TransactionResult::toJson @ 6950b37a1a
  @source-checked
  Scenario: begin, load, prepare, commit: the data appears at commit
    When I begin the transaction
    Then the FE redirected the request to "/api/transaction/begin" on a BE
    And the status is 200
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
    Given the request header "column_separator" is ","
    When I load "1,a,10\n2,b,20\n" in the transaction
    Then the FE redirected the request to "/api/transaction/load" on a BE
    And the body is like the text:
      """
      {
          "Status": "OK",
          "Message": "",
          "Label": "{label}",
          "TxnId": {txn},
          "LoadBytes": 14,
          "StreamLoadPlanTimeMs": {number},
          "ReceivedDataTimeMs": {number}
      }
      """
    When I prepare the transaction
    Then the FE redirected the request to "/api/transaction/prepare" on a BE
    And the body is like the text:
      """
      {
          "Status": "OK",
          "Message": "",
          "Label": "{label}",
          "TxnId": {txn},
          "NumberTotalRows": 2,
          "NumberLoadedRows": 2,
          "NumberFilteredRows": 0,
          "NumberUnselectedRows": 0,
          "LoadBytes": 14,
          "LoadTimeMs": {number},
          "StreamLoadPlanTimeMs": {number},
          "ReceivedDataTimeMs": {number},
          "WriteDataTimeMs": {number},
          "CommitAndPublishTimeMs": {number}
      }
      """
    And the transaction's state on the FE is "PREPARED"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |
    When I commit the transaction
    Then the FE answered the request itself
    And the status is 200
    And the body matches '^\{\n  "[A-Za-z]+": '
    And the set of keys of the JSON body is "Status, TxnId, Message, Label"
    And the JSON answer has:
      | Status  | OK      |
      | TxnId   | {txn}   |
      | Message |  |
      | Label   | {label} |
    And the transaction's state on the FE is "VISIBLE"
    And the MySQL query "SELECT id, name, score FROM {db}.{t} ORDER BY id" returns:
      | 1 | a | 10 |
      | 2 | b | 20 |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleCommitTransaction @ 0123c994f8
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::commit_transaction @ 058edb96bb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_resp_json @ dda2059898
  @source-checked
  Scenario: Loads add up until the commit
    Given I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    And the request header "column_separator" is ","
    And I loaded "2,b,20\n" in the transaction
    When I commit the transaction
    Then the FE redirected the request to "/api/transaction/commit" on a BE
    And the status is 200
    And the keys of the JSON body are "Status, Message, Label, TxnId, NumberTotalRows, NumberLoadedRows, NumberFilteredRows, NumberUnselectedRows, LoadBytes, LoadTimeMs, StreamLoadPlanTimeMs, ReceivedDataTimeMs, WriteDataTimeMs, CommitAndPublishTimeMs"
    And the JSON answer has:
      | Status           | OK      |
      | Message          |         |
      | Label            | {label} |
      | NumberLoadedRows | 2       |
      | LoadBytes        | 14      |
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 2 |

  # source: be/src/http/action/transaction_stream_load.cpp TransactionStreamLoadAction::handle @ 057c2a9e26
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetStreamLoadState.java GetStreamLoadState::executeWithoutPassword @ 0160d4fbed
  @source-checked
  Scenario: The data of an open transaction is not visible
    Given I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    Then the transaction's state on the FE is "PREPARE"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleRollbackTransaction @ 0123c994f8
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::rollback_transaction @ 058edb96bb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_resp_json @ dda2059898
  @source-checked
  Scenario: Rolling back an open transaction goes to its BE and loads nothing
    Given I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    When I roll back the transaction
    Then the FE redirected the request to "/api/transaction/rollback" on a BE
    And the status is 200
    And the body is like the text:
      """
      {
          "Status": "OK",
          "Message": "",
          "Label": "{label}"
      }
      """
    And the transaction's state on the FE is "ABORTED"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleRollbackTransaction @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionResult.java TransactionResult::toJson @ 6950b37a1a
  @source-checked
  Scenario: Rolling back a prepared transaction is answered by the FE
    Given I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    And I prepared the transaction
    When I roll back the transaction
    Then the FE answered the request itself
    And the body matches '^\{\n  "[A-Za-z]+": '
    And the set of keys of the JSON body is "Status, TxnId, Message, Label"
    And the JSON answer has:
      | Status  | OK      |
      | TxnId   | {txn}   |
      | Message |  |
      | Label   | {label} |
    And the transaction's state on the FE is "ABORTED"

  # --- Wrong transitions ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleCommitTransaction @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionResult.java TransactionResult::toJson @ 6950b37a1a
  @source-checked
  Scenario: Committing twice: the second commit says it is already committed
    Given I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    And I committed the transaction
    When I commit the transaction
    Then the FE answered the request itself
    And the status is 200
    And the body matches '^\{\n  "[A-Za-z]+": '
    And the set of keys of the JSON body is "Status, TxnId, Message, Label"
    And the JSON answer has:
      | Status  | OK      |
      | TxnId   | {txn}   |
      | Message | Transaction {txn} has already committed, label is {label} |
      | Label   | {label} |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleCommitTransaction @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeWithoutPassword @ 0123c994f8
  @source-checked
  Scenario: Committing a rolled-back transaction fails
    Given I began the transaction
    And I rolled back the transaction
    When I commit the transaction
    Then the FE answered the request itself
    And the status is 200
    And the body is like the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: Can not commit ABORTED transaction {txn}, label is {label}"
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleRollbackTransaction @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionResult.java TransactionResult::toJson @ 6950b37a1a
  @source-checked
  Scenario: Rolling back a rolled-back transaction says it is already aborted
    Given I began the transaction
    And I rolled back the transaction
    When I roll back the transaction
    Then the FE answered the request itself
    And the status is 200
    And the body matches '^\{\n  "[A-Za-z]+": '
    And the set of keys of the JSON body is "Status, TxnId, Message, Label"
    And the JSON answer has:
      | Status  | OK      |
      | TxnId   | {txn}   |
      | Message | Transaction {txn} has already aborted, label is {label} |
      | Label   | {label} |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handleRollbackTransaction @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeWithoutPassword @ 0123c994f8
  @source-checked
  Scenario: Rolling back a committed transaction fails
    Given I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    And I committed the transaction
    When I roll back the transaction
    Then the FE answered the request itself
    And the status is 200
    And the body is like the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: Can not abort VISIBLE transaction {txn}, label is {label}"
      }
      """
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 1 |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadCoordinatorMgr.java TransactionLoadCoordinatorMgr::get @ 0ffc5548b0
  # source: be/src/http/action/transaction_stream_load.cpp TransactionStreamLoadAction::on_header @ 057c2a9e26
  @source-checked
  Scenario: Loading into a committed transaction: the BE no longer knows it
    Given I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    And I committed the transaction
    When I load "2,b,20\n" in the transaction
    Then the status is 200
    And the body is the text:
      """
      {
          "Status": "TXN_NOT_EXISTS",
          "Message": "Transaction with label {label} not exists"
      }
      """
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 1 |

  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::_commit_transaction @ 058edb96bb
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::commit_transaction @ 058edb96bb
  @source-checked
  Scenario: Preparing twice: after the first prepare the BE has let the transaction go
    Given I began the transaction
    And the request header "column_separator" is ","
    And I loaded "1,a,10\n" in the transaction
    And I prepared the transaction
    When I prepare the transaction
    Then the status is 200
    And the body is the text:
      """
      {
          "Status": "TXN_NOT_EXISTS",
          "Message": "transaction with label {label} not exists"
      }
      """

  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::begin_transaction @ 058edb96bb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_resp_json @ dda2059898
  @source-checked
  Scenario: Beginning a label that is open already is refused with empty fields
    Given I began the transaction
    When I begin the transaction
    Then the status is 200
    And the body is the text:
      """
      {
          "Status": "LABEL_ALREADY_EXISTS",
          "ExistingJobStatus": "",
          "Message": ""
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/service/FrontendServiceImpl.java FrontendServiceImpl::loadTxnBegin @ ce6b3b0b81
  # source: be/src/runtime/stream_load/stream_load_executor.cpp StreamLoadExecutor::begin_txn @ 037487dfcb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::to_resp_json @ dda2059898
  @source-checked
  Scenario: Beginning a label that a finished load used is refused
    Given the request header "label" is "{label}"
    And I stream loaded into "{db}.{t}" the CSV "1,a,10\n"
    When I begin the transaction
    Then the status is 200
    And the body is the text:
      """
      {
          "Status": "LABEL_ALREADY_EXISTS",
          "ExistingJobStatus": "FINISHED",
          "Message": "Label [{label}] has already been used."
      }
      """

  # --- The FE's own refusals ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeWithoutPassword @ 0123c994f8
  @source-checked
  Scenario: An unknown operation
    When I POST "/api/transaction/frobnicate" on the FE with the transaction's headers
    Then the status is 200
    And the body is the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: Unknown transaction operation: frobnicate"
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeWithoutPassword @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeTransaction @ 0123c994f8
  @source-checked
  Scenario: The operation's name is case-insensitive
    When I POST "/api/transaction/BEGIN" on the FE with the transaction's headers
    Then the status is 307
    And the header "Location" is like "http://{be}/api/transaction/BEGIN"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::toTxnOperationParams @ 0123c994f8
  @source-checked
  Scenario: A label is required
    Given the request header "db" is "{db}"
    And the request header "table" is "{t}"
    When I POST "/api/transaction/begin" on the FE
    Then the status is 200
    And the body is like the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: Empty label."
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::toTxnOperationParams @ 0123c994f8
  @source-checked
  Scenario: A database is required
    Given the request header "label" is "{label}"
    And the request header "table" is "{t}"
    When I POST "/api/transaction/begin" on the FE
    Then the status is 200
    And the body is like the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: No database selected."
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/transaction/TransactionWithoutChannelHandler.java TransactionWithoutChannelHandler::handle @ 0123c994f8
  @source-checked
  Scenario: Beginning in an unknown database
    Given the transaction "{label}" on the table "{nosuchdb}.{t}"
    When I begin the transaction on the FE
    Then the status is 200
    And the body is like the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: Database[{nosuchdb}] does not exist."
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::getTxnOperationHandler @ 0123c994f8
  @source-checked
  Scenario: Committing a label the FE has never seen
    When I commit the transaction on the FE
    Then the status is 200
    And the body is like the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: No transaction found with db[{db}] and label[{label}]"
      }
      """

  # Gson writes the apostrophe as \u0027.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadCoordinatorMgr.java TransactionLoadCoordinatorMgr::getNodeFromTransactionState @ 0ffc5548b0
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionResult.java TransactionResult::toJson @ 6950b37a1a
  @source-checked
  Scenario: Loading into a label the FE has never seen
    When I load "1,a,10\n" in the transaction on the FE
    Then the status is 200
    And the body is like the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksException: Can\u0027t find the transaction with db [{db}] and label[{label}]. The possible reasons: 1. FE leader is started or switched; 2. The transaction timeouts and is cleaned."
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::toTxnOperationParams @ 0123c994f8
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeWithoutPassword @ 0123c994f8
  @source-checked
  Scenario: A body that is not JSON is refused for operations other than load
    Given I began the transaction
    When I commit the transaction on the FE with the body "not json"
    Then the status is 200
    And the body is the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.StarRocksHttpException: Malformed json tablets, label is {label}"
      }
      """

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::toTxnOperationParams @ 0123c994f8
  @source-checked
  Scenario: channel_id and channel_num come together
    Given the request header "channel_id" is "0"
    When I begin the transaction on the FE
    Then the status is 200
    And the body is like the text:
      """
      {
        "Status": "FAILED",
        "Message": "class com.starrocks.common.DdlException: Must provide channel_num when stream load begin."
      }
      """

  # --- The BE directly ---

  # source: be/src/http/action/transaction_stream_load.cpp TransactionStreamLoadAction::on_header @ 057c2a9e26
  @source-checked
  Scenario: The BE's load for an unknown label
    When I load "1,a,10\n" in the transaction on the BE
    Then the status is 200
    And the body is the text:
      """
      {
          "Status": "TXN_NOT_EXISTS",
          "Message": "Transaction with label {label} not exists"
      }
      """

  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::commit_transaction @ 058edb96bb
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::rollback_transaction @ 058edb96bb
  @source-checked
  Scenario Outline: The BE's <op> for an unknown label
    When I <op> the transaction on the BE
    Then the status is 200
    And the body is the text:
      """
      {
          "Status": "TXN_NOT_EXISTS",
          "Message": "transaction with label {label} not exists"
      }
      """

    Examples:
      | op          |
      | prepare     |
      | commit      |
      | roll back   |

  # source: be/src/http/action/transaction_stream_load.cpp TransactionManagerAction::handle @ 057c2a9e26
  @source-checked
  Scenario: The BE wants a label
    Given the request header "db" is "{db}"
    And the request header "table" is "{t}"
    When I POST "/api/transaction/begin" on the BE
    Then the status is 200
    And the body is the text:
      """
      {
          "Status": "INVALID_ARGUMENT",
          "Message": "empty label"
      }
      """

  # source: be/src/http/action/transaction_stream_load.cpp TransactionManagerAction::handle @ 057c2a9e26
  @source-checked
  Scenario: The BE loads only with PUT
    Given I began the transaction
    When I POST "/api/transaction/load" on the BE with the transaction's headers
    Then the status is 200
    And the JSON field "Message" is "unsupport transaction operation load"

  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::_commit_transaction @ 058edb96bb
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::commit_transaction @ 058edb96bb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::brief @ dda2059898
  @source-checked
  Scenario: Committing on the BE without data
    Given I began the transaction
    When I commit the transaction on the BE
    Then the status is 200
    And the body is like the text:
      """
      {
          "Status": "INTERNAL_ERROR",
          "Message": "transaction id={anything}, job_id=-1, txn_id: {txn}, label={label}, db={db} hasn't send any data yet"
      }
      """
    And the transaction's state on the FE is "ABORTED"

  # source: be/src/http/action/transaction_stream_load.cpp TransactionStreamLoadAction::on_header @ 057c2a9e26
  @source-checked
  Scenario: The BE checks that a load names the transaction's database
    Given a StarRocks database "{db2}"
    And I began the transaction
    And the request header "db" is "{db2}"
    When I load "1,a,10\n" in the transaction on the BE
    Then the status is 200
    And the body is the text:
      """
      {
          "Status": "INVALID_ARGUMENT",
          "Message": "Request database {db2} not equal transaction database {db}"
      }
      """

  # --- Timeouts ---

  # The BE's cleaner aborts an expired transaction on its next round (every 30 s), so this polls.
  # source: be/src/runtime/stream_load/transaction_mgr.cpp TransactionMgr::_clean_stream_context @ 058edb96bb
  # source: be/src/runtime/stream_load/stream_load_context.cpp StreamLoadContext::tsl_reach_timeout @ dda2059898
  @source-checked @slow
  Scenario: A transaction that outlives its timeout is aborted
    Given the request header "timeout" is "1"
    And I began the transaction
    When I wait until the transaction's state on the FE is "ABORTED"
    And I load "1,a,10\n" in the transaction on the BE
    Then the JSON field "Status" is "TXN_NOT_EXISTS"
    And the MySQL query "SELECT count(*) FROM {db}.{t}" returns:
      | 0 |
