@starrocks @doc:fe
Feature: FE endpoints for external connectors
  Spark and Flink connectors ask the FE for a table's row count, its schema and
  a query plan. These answers carry the HTTP status twice: as the status code
  and as the "status" field, with "exception" holding the message of an error
  (TableRowCountAction.java, TableSchemaAction.java, TableQueryPlanAction.java).
  Key order follows the Java HashMaps the actions fill (catalog §2).

  Background:
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20), price DECIMAL(10, 2)" in 2 buckets

  # --- _count ---

  # Jackson over a HashMap(4): "size" hashes before "status"; the action sets application/json itself
  # and sends with a status only, so no charset is added.
  # The index also holds a version @ 039e00c8bf left with cherry-pick conflict markers; its newer side
  # (com.starrocks.authorization, getLocalMetastore) answers alike.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableRowCountAction.java TableRowCountAction::executeWithoutPassword @ 9fa57be953
  @source-checked
  Scenario: _count answers the approximate row count with status 200
    When I GET "/api/{db}/{t}/_count" on the FE
    Then the status is 200
    And the header "Content-Type" is "application/json"
    And the body is like '{"size":{number},"status":200}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableRowCountAction.java TableRowCountAction::executeWithoutPassword @ 9fa57be953
  @source-checked
  Scenario: _count answers 404 for an unknown database or table
    When I GET "/api/{nosuchdb}/{t}/_count" on the FE
    Then the status is 404
    And the body is '{"exception":"Database [{nosuchdb}] does not exists","status":404}'
    When I GET "/api/{db}/{nosuch}/_count" on the FE
    Then the status is 404
    And the body is '{"exception":"Table [{nosuch}] does not exists","status":404}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableRowCountAction.java TableRowCountAction::executeWithoutPassword @ 9fa57be953
  @source-checked
  Scenario: _count answers 403 for a table that is not an OLAP table
    Given I ran over MySQL "CREATE VIEW {db}.{v} AS SELECT id FROM {db}.{t}"
    When I GET "/api/{db}/{v}/_count" on the FE
    Then the status is 403
    And the body is '{"exception":"Table [{v}] is not a OlapTable, only support OlapTable currently","status":403}'

  # --- _schema ---

  # Each column is a HashMap(2) grown to 8 buckets for a decimal: name, scale, comment, type, precision.
  # The only stored TableSchemaAction is an old one (Elastic License header, PrivPredicate checks);
  # HttpServer @ 01a85d0624 still registers it for /api/{db}/{table}/_schema.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableSchemaAction.java TableSchemaAction::executeWithoutPassword @ 00b57d40cf
  @source-checked
  Scenario: _schema lists the columns with their type names; decimals add precision and scale as strings
    When I GET "/api/{db}/{t}/_schema" on the FE
    Then the status is 200
    And the header "Content-Type" is "application/json"
    And the body is '{"properties":[{"type":"INT","name":"id","comment":""},{"type":"VARCHAR","name":"name","comment":""},{"name":"price","scale":"2","comment":"","type":"DECIMAL64","precision":"10"}],"status":200}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableSchemaAction.java TableSchemaAction::executeWithoutPassword @ 00b57d40cf
  @source-checked
  Scenario: _schema answers 404 for an unknown table
    When I GET "/api/{db}/{nosuch}/_schema" on the FE
    Then the status is 404
    And the body is '{"exception":"Table [{nosuch}] does not exists","status":404}'

  # --- _query_plan ---

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableQueryPlanAction.java TableQueryPlanAction::executeWithoutPassword @ ef298e09fa
  @source-checked
  Scenario: _query_plan answers the tablets the query reads, the same that _migration lists
    When I POST "/api/{db}/{t}/_query_plan" on the FE with the body '{"sql":"select id, name from {db}.{t}"}'
    Then the status is 200
    And the keys of the JSON body are "partitions, opaqued_query_plan, status"
    And the JSON field "status" is the number 200
    And the JSON field "opaqued_query_plan" is base64 text
    And every entry of the JSON field "partitions" has the keys "routings, version, schemaHash" with a non-empty routings list
    And I noted the keys of the JSON field "partitions" as the tablets
    When I GET "/api/_migration?db={db}&tbl={t}" on the FE
    Then the answer lists exactly the noted tablets

  # Only POST bodies are aggregated into a FullHttpRequest, so BaseRequest.getContent throws a
  # DdlException for a GET before the action's own error handling: RestBaseAction's FAILED envelope.
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableQueryPlanAction.java TableQueryPlanAction::executeWithoutPassword @ ef298e09fa
  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseRequest.java BaseRequest::getContent @ 08a9cfddee
  # source: fe/fe-core/src/main/java/com/starrocks/http/StarRocksHttpPostObjectAggregator.java (per the audit; not re-read)
  @source-checked
  Scenario: _query_plan over GET is refused as an invalid request
    When I GET "/api/{db}/{t}/_query_plan" on the FE with the body '{"sql":"select id from {db}.{t}"}'
    Then the FE answers 200 with the FAILED envelope "Invalid request"

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableQueryPlanAction.java TableQueryPlanAction::executeWithoutPassword @ ef298e09fa
  @source-checked
  Scenario: _query_plan needs a body with "sql"
    When I POST "/api/{db}/{t}/_query_plan" on the FE with the body '{}'
    Then the status is 400
    And the body is '{"exception":"POST body must contains [sql] root object","status":400}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableQueryPlanAction.java TableQueryPlanAction::executeWithoutPassword @ ef298e09fa
  @source-checked
  Scenario: _query_plan refuses a body that is not JSON
    When I POST "/api/{db}/{t}/_query_plan" on the FE with the body '{'
    Then the status is 400
    And the body is '{"exception":"malformed json [ { ]","status":400}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableQueryPlanAction.java TableQueryPlanAction::executeWithoutPassword @ ef298e09fa
  @source-checked
  Scenario: _query_plan wants a SELECT
    When I POST "/api/{db}/{t}/_query_plan" on the FE with the body '{"sql":"insert into {db}.{t} values (1, 2, 1.00)"}'
    Then the status is 400
    And the body is '{"exception":"Select statement needed, but found [insert into {db}.{t} values (1, 2, 1.00) ]","status":400}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableQueryPlanAction.java TableQueryPlanAction::executeWithoutPassword @ ef298e09fa
  @source-checked
  Scenario: _query_plan wants the table of the path in the SQL
    Given a StarRocks table "{db}.{t2}" with the columns "k INT"
    When I POST "/api/{db}/{t}/_query_plan" on the FE with the body '{"sql":"select k from {db}.{t2}"}'
    Then the status is 400
    And the body is like '{"exception":"requested database and table must consistent with sql: {anything}","status":400}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TableQueryPlanAction.java TableQueryPlanAction::executeWithoutPassword @ ef298e09fa
  @source-checked
  Scenario: _query_plan answers 404 for an unknown table
    When I POST "/api/{db}/{nosuch}/_query_plan" on the FE with the body '{"sql":"select id from {db}.{nosuch}"}'
    Then the status is 404
    And the body is '{"exception":"Table [{nosuch}] does not exists","status":404}'
