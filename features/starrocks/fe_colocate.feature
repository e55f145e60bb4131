@starrocks @doc:fe
Feature: FE colocate groups and global dictionaries
  Administrators inspect and repair colocate groups, and switch the global
  dictionary of a table (ColocateMetaService.java, GlobalDictMetaService.java).
  Ids are numbers: something else is a NumberFormatException, which is 500.

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/ColocateMetaService.java ColocateMetaAction::executeInLeaderWithAdmin @ e648dce1b5
  @source-checked
  Scenario: GET /api/colocate answers the colocate index and "OK"
    When I GET "/api/colocate" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the keys of the JSON body are "colocate_meta, status"
    And the JSON field "status" is "OK"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/ColocateMetaService.java MarkGroupStableAction, MarkGroupUnstableAction @ e648dce1b5
  @source-checked
  Scenario: group_stable and group_unstable mark an existing group, with an empty answer
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20)" in 2 buckets in the colocate group "{g}"
    And I noted the ids of the colocate group "{g}"
    When I POST "/api/colocate/group_unstable?db_id={db_id}&group_id={group_id}" on the FE
    Then the status is 200
    And the body is empty
    And the MySQL query "SHOW PROC '/colocation_group'" has a row whose "GroupId" is "{db_id}.{group_id}" and whose "IsStable" is "false"
    When I POST "/api/colocate/group_stable?db_id={db_id}&group_id={group_id}" on the FE
    Then the status is 200
    And the body is empty

  # The message is the catalog's, "isn't" glued to the group id and two spaces before "exist" (sic);
  # Gson escapes the apostrophe as \u0027 like every HTML-sensitive character.
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/ColocateMetaService.java checkAndGetGroupId @ e648dce1b5
  @source-checked
  Scenario: group_stable names a group that does not exist
    When I POST "/api/colocate/group_stable?db_id=999999991&group_id=999999992" on the FE
    Then the status is 200
    And the body is like '{"status":"FAILED","code":"1","msg":"the group {anything}isn\\u0027t  exist","message":"the group {anything}isn\\u0027t  exist"}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/ColocateMetaService.java checkAndGetGroupId @ e648dce1b5
  @source-checked
  Scenario: group_unstable with an id that is not a number is an internal error
    When I POST "/api/colocate/group_unstable?db_id=abc&group_id=1" on the FE
    Then the status is 500
    And the body is like '{"status":"FAILED","code":"1",{anything}}'

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/ColocateMetaService.java BucketSeqAction::executeInLeaderWithAdmin @ e648dce1b5
  @source-checked
  Scenario: bucketseq checks the number of buckets, of backends per bucket, and the backends
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20)" in 2 buckets in the colocate group "{g}"
    And I noted the ids of the colocate group "{g}"
    When I POST "/api/colocate/bucketseq?db_id={db_id}&group_id={group_id}" on the FE with the body "[[1]]"
    Then the FE answers 200 with the FAILED envelope "Invalid bucket num. expected: 2, actual: 1"
    When I POST "/api/colocate/bucketseq?db_id={db_id}&group_id={group_id}" on the FE with the body "[[1,2],[3,4]]"
    Then the FE answers 200 with the FAILED envelope "Invalid backend num per bucket. expected: 1, actual: 2"
    When I POST "/api/colocate/bucketseq?db_id={db_id}&group_id={group_id}" on the FE with the body "[[999999999],[999999999]]"
    Then the FE answers 200 with the FAILED envelope "The backend 999999999 does not exist or not available"

  # Ids go through Long.valueOf: "abc" is a NumberFormatException (500), only ids <= 0 are "Bad …".
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/ColocateMetaService.java UpdateGroupAction::executeInLeaderWithAdmin @ e648dce1b5
  @source-checked
  Scenario: update_group checks its parameters and answers in plain text
    When I POST "/api/colocate/update_group?db_id=0&group_id=1&table_id=1&is_join=true" on the FE
    Then the status is 400
    And the body is "Bad db_id parameter"
    When I POST "/api/colocate/update_group?db_id=abc&group_id=1&table_id=1&is_join=true" on the FE
    Then the status is 500
    When I POST "/api/colocate/update_group?db_id=1&group_id=1&table_id=1" on the FE
    Then the status is 400
    And the body is "Missing is_join parameter"
    When I POST "/api/colocate/update_group?db_id=1&group_id=1&table_id=1&is_join=maybe" on the FE
    Then the status is 400
    And the body is "Invalid is_join parameter"
    When I POST "/api/colocate/update_group?db_id=999999991&group_id=1&table_id=1&is_join=true" on the FE
    Then the status is 400
    And the body is "Non-exist db"

  # update_group is for cloud-native (lake) tables; a shared-nothing OLAP table is refused.
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/ColocateMetaService.java UpdateGroupAction::executeInLeaderWithAdmin @ e648dce1b5
  @source-checked
  Scenario: update_group refuses a table that is not a lake table
    Given a StarRocks table "{db}.{t}" with the columns "id INT, name VARCHAR(20)" in 2 buckets in the colocate group "{g}"
    And I noted the ids of the colocate group "{g}"
    When I POST "/api/colocate/update_group?db_id={db_id}&group_id={group_id}&table_id={table_id}&is_join=true" on the FE
    Then the status is 400
    And the body is "Not-supported table type"

  # --- /api/global_dict/table/enable ---

  # The success answer is built with the error constructor of RestBaseResult, hence "FAILED" (sic).
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/GlobalDictMetaService.java ForbitTableAction @ b0cfc6dc2d
  @source-checked
  Scenario: global_dict/table/enable answers "apply success" in a FAILED-shaped envelope
    Given a StarRocks table "{db}.{t}" with the columns "id INT, city VARCHAR(20)"
    When I POST "/api/global_dict/table/enable?db_name={db}&table_name={t}&enable=false" on the FE
    Then the FE answers 200 with the FAILED envelope "apply success"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/GlobalDictMetaService.java ForbitTableAction @ b0cfc6dc2d
  @source-checked
  Scenario: global_dict/table/enable needs all three parameters
    When I POST "/api/global_dict/table/enable?db_name=d&table_name=t" on the FE
    Then the status is 400
    And the body is "Missing db_name, table_name, or enable parameter"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/GlobalDictMetaService.java ForbitTableAction @ b0cfc6dc2d
  @source-checked
  Scenario: global_dict/table/enable wants true or false
    When I POST "/api/global_dict/table/enable?db_name=d&table_name=t&enable=maybe" on the FE
    Then the status is 400
    And the body is "Invalid enable parameter. It should be either 'true' or 'false'"

  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/GlobalDictMetaService.java ForbitTableAction @ b0cfc6dc2d
  @source-checked
  Scenario: global_dict/table/enable names an unknown database
    When I POST "/api/global_dict/table/enable?db_name={nosuchdb}&table_name=t&enable=true" on the FE
    Then the FE answers 200 with the FAILED envelope "the DB {nosuchdb} is not exist"
