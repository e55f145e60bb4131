@clickhouse @doc:cli-queries-with-parameters
Feature: Queries with parameters
  A query may hold placeholders `{name:Type}` whose values come from URL
  parameters `param_<name>`. Values are parsed in the escaped (TabSeparated)
  format: `\N` is NULL and a tab is written `\t` (or a backslash and a tab),
  so a tab sent as `%09` alone breaks the value. 18.16 has no query
  parameters (about 19.x brought them).

  @since:19.15
  Scenario: The documentation's example: a number and a string
    Given I ran "CREATE TABLE {t} (int_column UInt8, string_column String) ENGINE = Memory"
    And I ran "INSERT INTO {t} VALUES (1, 'test'), (2, 'test'), (2, 'other')"
    When I POST "/?param_id=2&param_phrase=test" with the body "SELECT * FROM {t} WHERE int_column = {id:UInt8} and string_column = {phrase:String}"
    Then the status is 200
    And the body is "2\ttest\n"

  @since:19.15
  Scenario: A string value comes in as a string
    When I POST "/?param_s=olap%20spec" with the body "SELECT {s:String}, toTypeName({s:String})"
    Then the status is 200
    And the body is "olap spec\tString\n"

  @since:19.15
  Scenario: A value is converted to the placeholder's type
    When I POST "/?param_n=41" with the body "SELECT {n:UInt64} + 1, toTypeName({n:UInt64})"
    Then the status is 200
    And the body is "42\tUInt64\n"

  @since:19.15
  Scenario: \N is NULL
    When I POST "/?param_v=%5CN" with the body "SELECT {v:Nullable(String)} IS NULL"
    Then the status is 200
    And the body is "1\n"

  @since:19.15
  Scenario: An array value
    When I POST "/?param_a=%5B1,2,3%5D" with the body "SELECT arraySum({a:Array(UInt8)})"
    Then the status is 200
    And the body is "6\n"

  # The documentation's tab examples: a real tab in the query text splits the string.
  Scenario: A tab inside a string literal of the query
    When I POST "/" with the body "SELECT splitByChar('\\t', 'abc\t123')"
    Then the status is 200
    And the body is "['abc','123']\n"

  @since:23.4
  Scenario: A tab sent as %09 alone breaks the value
    When I POST "/?param_arg1=abc%09123" with the body "SELECT splitByChar('\\t', {arg1:String})"
    Then the status is 500
    And the body is like "Code: 457. DB::Exception: Value abc\t123 cannot be parsed as String for query parameter 'arg1' because it isn't parsed completely: only 3 of 7 bytes was parsed: abc. (BAD_QUERY_PARAMETER) (version {version})\n"

  @since:19.15
  Scenario: A tab sent as a backslash and a tab, %5C%09
    When I POST "/?param_arg1=abc%5C%09123" with the body "SELECT splitByChar('\\t', {arg1:String})"
    Then the status is 200
    And the body is "['abc','123']\n"

  @since:19.15
  Scenario: A tab sent as \t, %5Ct
    When I POST "/?param_arg1=abc%5Ct123" with the body "SELECT splitByChar('\\t', {arg1:String})"
    Then the status is 200
    And the body is "['abc','123']\n"

  # Values are substituted before the query is analysed, when there are any.
  @since:21.8
  Scenario: A placeholder without a value is an error
    When I POST "/?param_y=1" with the body "SELECT {x:UInt8}, {y:UInt8}"
    Then the status is 500
    And the body is like "Code: 456. DB::Exception: Substitution `x` is not set. (UNKNOWN_QUERY_PARAMETER) (version {version})\n"

  # With no values at all, 24.3's executeQuery left the placeholder to the
  # analyzer (on by default since 24.3): "Query parameter `x` was not set".
  # Later executeQuery substitutes whenever the text has a '{' (probably_has_params
  # in src/Interpreters/executeQuery.cpp): 26.7 says "Substitution `x` is not set".
  # Both name the placeholder and say it is not set.
  @since:24.3
  Scenario: A placeholder in a request without any parameter is an error
    When I POST "/" with the body "SELECT {x:UInt8}"
    Then the request fails with status 500 and error code 456
    And the error message contains "`x`"
    And the error message contains " not set"

  @since:21.8
  Scenario: A value with more than its type reads is an error
    When I POST "/?param_n=12abc" with the body "SELECT {n:UInt8}"
    Then the request fails with status 500 and error code 457
    And the error message starts with "Value 12abc cannot be parsed as UInt8 for query parameter 'n'"

  @since:19.15
  Scenario: A parameter the query does not use is not an error
    When I POST "/?param_unused=5" with the body "SELECT 1"
    Then the status is 200
    And the body is "1\n"

  @since:19.15
  Scenario: A placeholder may be used more than once
    When I POST "/?param_n=7" with the body "SELECT {n:UInt8} * {n:UInt8}"
    Then the status is 200
    And the body is "49\n"

  @since:22.1
  Scenario: An identifier parameter names a table
    Given I ran "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    And I ran "INSERT INTO {t} VALUES (5)"
    When I POST "/?param_tbl={t}" with the body "SELECT a FROM {tbl:Identifier}"
    Then the status is 200
    And the body is "5\n"
