@clickhouse @doc:default-database
Feature: Default database
  The `database` URL parameter or the `X-ClickHouse-Database` header set the
  database that unqualified table names refer to. Without them it is the
  server's default database, `default`. A name like `db.table` always works.

  Scenario: The database parameter sets the default database
    When I POST "/?database=system" with the body "SELECT number FROM numbers LIMIT 10\n"
    Then the status is 200
    And the body is the lines:
      """
      0
      1
      2
      3
      4
      5
      6
      7
      8
      9
      """

  Scenario: A database-qualified name needs no parameter
    When I POST "/?" with the body "SELECT number FROM system.numbers LIMIT 10\n"
    Then the status is 200
    And the body is the lines:
      """
      0
      1
      2
      3
      4
      5
      6
      7
      8
      9
      """

  Scenario: Without a parameter the default database is "default"
    When I run "SELECT currentDatabase()"
    Then the status is 200
    And the body is "default\n"

  Scenario: Unqualified names in a new table land in the default database
    Given I ran "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    When I run "EXISTS TABLE default.{t}"
    Then the status is 200
    And the body is "1\n"

  Scenario: Tables of a database the parameter names are found without qualification
    Given I ran "CREATE DATABASE {db}"
    And I ran "CREATE TABLE {db}.{t} (a UInt8) ENGINE = Memory"
    And I ran "INSERT INTO {db}.{t} VALUES (42)"
    When I run "SELECT a FROM {t}" with the URL parameters "database={db}"
    Then the status is 200
    And the body is "42\n"

  Scenario: The database parameter applies to writes as well
    Given I ran "CREATE DATABASE {db}"
    When I run "CREATE TABLE {t} (a UInt8) ENGINE = Memory" with the URL parameters "database={db}"
    Then the status is 200
    When I run "EXISTS TABLE {db}.{t}"
    Then the body is "1\n"

  Scenario: An unknown database is 404 with code 81
    When I run "SELECT 1" with the URL parameters "database={nodb}"
    Then the request fails with status 404 and error code 81

  @since:20.7
  Scenario: The X-ClickHouse-Database header sets the default database
    Given the request header "X-ClickHouse-Database" is "system"
    When I run "SELECT number FROM numbers LIMIT 3"
    Then the status is 200
    And the body is "0\n1\n2\n"

  @since:20.7
  Scenario: The header wins over the parameter
    Given the request header "X-ClickHouse-Database" is "system"
    When I run "SELECT currentDatabase()" with the URL parameters "database=default"
    Then the status is 200
    And the body is "system\n"

  Scenario: Credentials in HTTP basic authentication
    Given the next request is sent with the credentials in HTTP basic authentication
    When I POST "/" with the body "SELECT 1\n"
    Then the status is 200
    And the body is "1\n"

  Scenario: Credentials in the user and password URL parameters
    Given the next request is sent with the credentials in the user and password URL parameters
    When I POST "/" with the body "SELECT 1\n"
    Then the status is 200
    And the body is "1\n"

  Scenario: Credentials in the X-ClickHouse-User and X-ClickHouse-Key headers
    Given the next request is sent with the credentials in the X-ClickHouse-User and X-ClickHouse-Key headers
    When I POST "/" with the body "SELECT 1\n"
    Then the status is 200
    And the body is "1\n"

  Scenario: Any setting can be passed as a URL parameter
    When I GET "/?max_rows_to_read=1000000000&query=SELECT+1"
    Then the status is 200
    And the body is "1\n"

  Scenario: Settings from the URL apply to the query
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'" with the URL parameters "max_result_rows=12345"
    Then the status is 200
    And the body is "12345\n"

  Scenario: A session keeps settings between requests
    When I run "SET max_result_rows = 7" with the URL parameters "session_id={session}"
    Then the status is 200
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'" with the URL parameters "session_id={session}"
    Then the status is 200
    And the body is "7\n"
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'"
    Then the body is "0\n"
