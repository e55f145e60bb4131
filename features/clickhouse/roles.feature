@clickhouse @doc:setting-role-with-query-parameters @suite-config @since:24.4
Feature: Setting a role with query parameters
  Since ClickHouse 24.4 the `role` URL parameter sets the current roles for the
  statement, as `SET ROLE` before it would; it may be repeated for several
  roles. `SET ROLE` itself cannot go with the statement: multi-statements are
  not allowed. The user olapspec_roles of the suite's configuration is granted
  the roles olapspec_reader (SELECT on the default database) and
  olapspec_numbers (SELECT on system.numbers); olapspec_unused exists and is
  granted to nobody.

  Scenario: SET ROLE cannot be sent with the statement
    When I run "SET ROLE olapspec_reader; SELECT 1" as "olapspec_roles" with the password "olapspec-roles-secret" in HTTP basic authentication
    Then the request fails with status 400 and error code 62
    And the error message starts with "Syntax error (Multi-statements are not allowed)"

  Scenario: Without the role parameter every granted role is current
    When I run "SELECT arraySort(currentRoles())" as "olapspec_roles" with the password "olapspec-roles-secret" in HTTP basic authentication
    Then the status is 200
    And the body is "['olapspec_numbers','olapspec_reader']\n"

  Scenario: The role parameter sets the current role
    When I run "SELECT currentRoles()" with the URL parameters "role=olapspec_numbers" as "olapspec_roles" with the password "olapspec-roles-secret"
    Then the status is 200
    And the body is "['olapspec_numbers']\n"

  Scenario: Several role parameters set several roles
    When I run "SELECT arraySort(currentRoles())" with the URL parameters "role=olapspec_numbers&role=olapspec_reader" as "olapspec_roles" with the password "olapspec-roles-secret"
    Then the status is 200
    And the body is "['olapspec_numbers','olapspec_reader']\n"

  Scenario: The role parameter goes with settings in any order
    When I run "SELECT currentRoles(), getSetting('max_threads')" with the URL parameters "max_threads=3&role=olapspec_numbers" as "olapspec_roles" with the password "olapspec-roles-secret"
    Then the status is 200
    And the body is "['olapspec_numbers']\t3\n"

  Scenario: A current role gives its privileges
    Given I ran "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    And I ran "INSERT INTO {t} VALUES (1)"
    When I run "SELECT a FROM default.{t}" with the URL parameters "role=olapspec_reader" as "olapspec_roles" with the password "olapspec-roles-secret"
    Then the status is 200
    And the body is "1\n"

  # ACCESS_DENIED is a 500 up to 2026 (ClickHouse PR #111043 made it 403).
  Scenario: A role that is not current gives nothing
    Given I ran "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    When I run "SELECT a FROM default.{t}" with the URL parameters "role=olapspec_numbers" as "olapspec_roles" with the password "olapspec-roles-secret"
    Then the request fails with status 500 and error code 497
    And the error name is "ACCESS_DENIED"

  # ClickHouse's own test of the parameter (03096) checks the error, not the
  # status; the statuses of these two errors are not asserted here either.
  Scenario: An unknown role is an error
    When I run "SELECT 1" with the URL parameters "role=olapspec_no_such_role" as "olapspec_roles" with the password "olapspec-roles-secret"
    Then the error code is 511
    And the error name is "UNKNOWN_ROLE"
    And the error message contains "olapspec_no_such_role"

  Scenario: A role not granted to the user is an error
    When I run "SELECT 1" with the URL parameters "role=olapspec_unused" as "olapspec_roles" with the password "olapspec-roles-secret"
    Then the error name is "SET_NON_GRANTED_ROLE"
    And the error message contains "olapspec_unused"
