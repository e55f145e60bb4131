@clickhouse @doc:default-database
Feature: Settings in the URL
  Any URL parameter that is not one of the interface's own (query, user,
  password, database, session_id, query_id, quota_key, compress, ...) is a
  setting for the query, and `profile` applies a whole settings profile, as in
  `?profile=web&max_rows_to_read=1000000000&query=SELECT+1`. The profiles and
  users are those of the suite's configuration (steps/targets/config/users.xml).

  Scenario: A setting in the URL applies to the query
    When I run "SELECT value FROM system.settings WHERE name = 'max_threads'" with the URL parameters "max_threads=3"
    Then the status is 200
    And the body is "3\n"

  Scenario: A setting in the URL is only for that request
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'" with the URL parameters "max_result_rows=7"
    Then the body is "7\n"
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'"
    Then the body is "0\n"

  Scenario: The interface's own parameters are not settings
    When I run "SELECT 1" with the URL parameters "compress=0&decompress=0&query_id={q}&stacktrace=0&buffer_size=0&wait_end_of_query=0&database=default&default_format=TabSeparated"
    Then the status is 200
    And the body is "1\n"

  # 18.16's list lacked it.
  @since:24.4
  Scenario: client_protocol_version is a parameter of the interface, not a setting
    When I run "SELECT 1" with the URL parameters "client_protocol_version=54460"
    Then the status is 200
    And the body is "1\n"

  Scenario: An unknown setting in the URL is an error
    When I run "SELECT 1" with the URL parameters "olapspec_no_such_setting=1"
    Then the request fails with status 404 and error code 115
    And the error message contains "olapspec_no_such_setting"

  @since:23.8
  Scenario: A setting value that is not a number is an error
    When I run "SELECT 1" with the URL parameters "max_threads=many"
    Then the status is 400

  @suite-config
  Scenario: The profile parameter applies a settings profile
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'" with the URL parameters "profile=olapspec_web"
    Then the status is 200
    And the body is "5\n"

  @suite-config
  Scenario: The profile's settings limit the query
    When I run "SELECT number FROM system.numbers LIMIT 10" with the URL parameters "profile=olapspec_web"
    Then the request fails with status 500 and error code 396

  @suite-config
  Scenario: A setting after the profile overrides the profile's value
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'" with the URL parameters "profile=olapspec_web&max_result_rows=20"
    Then the status is 200
    And the body is "20\n"

  Scenario: An unknown profile is an error
    When I run "SELECT 1" with the URL parameters "profile=olapspec_no_such_profile"
    Then the request fails with status 500 and error code 180
    And the error message contains "olapspec_no_such_profile"

  @suite-config
  Scenario: A user with a readonly profile may read
    When I run "SELECT 1" as "olapspec_readonly" with the password "olapspec-readonly-secret" in HTTP basic authentication
    Then the status is 200
    And the body is "1\n"

  @suite-config
  Scenario: A user with a readonly profile may not change data, even with POST
    When I run "CREATE TABLE {t} (a UInt8) ENGINE = Memory" as "olapspec_readonly" with the password "olapspec-readonly-secret" in HTTP basic authentication
    Then the request fails with status 500 and error code 164

  # 18.16 let settings in the URL through for readonly=1; settings constraints
  # (checked for URL parameters too) came later. A value equal to the current
  # one is no change and passes (SettingsConstraints::checkImpl), so the value
  # here differs from every default: max_threads=2 would pass on two cores.
  @suite-config @since:23.8
  Scenario: readonly=1 forbids changing settings in the URL
    When I run "SELECT 1" with the URL parameters "max_result_rows=7" as "olapspec_readonly" with the password "olapspec-readonly-secret"
    Then the request fails with status 500 and error code 164
    And the error message contains "max_result_rows"

  @suite-config @since:23.8
  Scenario: readonly=1 lets a setting in the URL through when it keeps the current value
    When I run "SELECT 1" with the URL parameters "max_result_rows=0" as "olapspec_readonly" with the password "olapspec-readonly-secret"
    Then the status is 200
    And the body is "1\n"

  @suite-config
  Scenario: readonly=2 allows changing settings in the URL
    When I run "SELECT value FROM system.settings WHERE name = 'max_result_rows'" with the URL parameters "max_result_rows=7" as "olapspec_readonly_settings" with the password "olapspec-readonly-settings-secret"
    Then the status is 200
    And the body is "7\n"

  @suite-config
  Scenario: readonly=2 still forbids changing data
    When I run "CREATE TABLE {t} (a UInt8) ENGINE = Memory" as "olapspec_readonly_settings" with the password "olapspec-readonly-settings-secret" in HTTP basic authentication
    Then the request fails with status 500 and error code 164

  @suite-config
  Scenario: readonly itself cannot be changed in readonly mode
    When I run "SELECT 1" with the URL parameters "readonly=0" as "olapspec_readonly_settings" with the password "olapspec-readonly-settings-secret"
    Then the request fails with status 500 and error code 164
    And the error message contains "readonly"

  # The quota of olapspec_keyed allows two queries an hour per quota key. 18.16
  # counted one query more than newer servers before refusing, so the fourth is
  # the first one refused on both.
  # numbers(1), not SELECT 1: a query of system.one alone is not counted (below).
  @suite-config
  Scenario: quota_key gives each key a quota of its own
    When I run "SELECT number FROM numbers(1)" 4 times with the URL parameters "quota_key={k1}" as "olapspec_keyed" with the password "olapspec-keyed-secret"
    Then the request fails with status 500 and error code 201
    When I run "SELECT number FROM numbers(1)" with the URL parameters "quota_key={k2}" as "olapspec_keyed" with the password "olapspec-keyed-secret"
    Then the status is 200
    And the body is "0\n"

  # The analyzer (default since 24.3) ignores quotas for a query whose only
  # table is system.one (what SELECT without FROM reads) or a quota table:
  # PR #53343, shouldIgnoreQuotaAndLimits in src/Planner/PlannerJoinTree.cpp.
  @suite-config @since:24.3
  Scenario: A query of system.one alone is not counted by the quota
    When I run "SELECT 1" 4 times with the URL parameters "quota_key={k1}" as "olapspec_keyed" with the password "olapspec-keyed-secret"
    Then the status is 200
    And the body is "1\n"

  # 18.16 refused a key for a quota not keyed by one (code 200); newer servers ignore it.
  @since:23.8
  Scenario: A quota key for a quota not keyed by one is ignored
    When I run "SELECT 1" with the URL parameters "quota_key=olapspec"
    Then the status is 200
    And the body is "1\n"

  @since:23.8
  Scenario: The quota key in both the header and the URL is refused
    Given the request header "X-ClickHouse-Quota" is "olapspec"
    When I run "SELECT 1" with the URL parameters "quota_key=olapspec"
    Then the request fails with status 400 and error code 36
    And the error message is "Invalid authentication: it is not allowed to use quota key as HTTP header and as parameter simultaneously"
