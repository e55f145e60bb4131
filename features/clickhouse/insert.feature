@clickhouse @doc:http-interface
Feature: Insert
  INSERT needs POST. The start of the query can go in the URL and the data in
  the body, in any input format; the answer to a successful INSERT is empty.

  Scenario: The seed's walk through a table: create, insert four ways, read, drop
    When I POST "/" with the body "CREATE TABLE {t} (a UInt8) ENGINE = Memory\n"
    Then the status is 200
    And the body is empty
    When I POST "/" with the body "INSERT INTO {t} VALUES (1),(2),(3)\n"
    Then the status is 200
    And the body is empty
    When I POST "/?query=INSERT%20INTO%20{t}%20VALUES" with the body "(4),(5),(6)\n"
    Then the status is 200
    And the body is empty
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20Values" with the body "(7),(8),(9)\n"
    Then the status is 200
    And the body is empty
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20TabSeparated" with the body "10\n11\n12\n"
    Then the status is 200
    And the body is empty
    When I GET "/?query=SELECT%20a%20FROM%20{t}"
    Then the status is 200
    And the body has the lines in any order:
      """
      7
      8
      9
      10
      11
      12
      1
      2
      3
      4
      5
      6
      """
    When I POST "/" with the body "DROP TABLE {t}\n"
    Then the status is 200
    And the body is empty
    When I run "EXISTS TABLE {t}"
    Then the body is "0\n"

  Scenario: The data of an INSERT is not part of the query in the URL
    Given I ran "CREATE TABLE {t} (a UInt8, b String) ENGINE = Memory"
    When I POST "/?query=insert" with the body "into {t} values (1, 'x')"
    Then the status is 200
    When I run "SELECT a, b FROM {t}"
    Then the body is "1\tx\n"

  Scenario: INSERT over GET is refused
    Given I ran "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    When I run "INSERT INTO {t} VALUES (1)" over GET
    Then the request fails with status 500 and error code 164
    When I run "SELECT count() FROM {t}"
    Then the body is "0\n"

  Scenario: Tab-separated data is unescaped on the way in
    Given I ran "CREATE TABLE {t} (n UInt32, s String) ENGINE = Memory"
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20TabSeparated" with the body "1\ta\\tb\n2\tc\\\\d\n"
    Then the status is 200
    When I run "SELECT n, length(s) FROM {t} ORDER BY n"
    Then the body is "1\t3\n2\t3\n"

  Scenario: TabSeparatedWithNames skips its header line
    Given I ran "CREATE TABLE {t} (n UInt32, s String) ENGINE = Memory"
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20TabSeparatedWithNames" with the body "n\ts\n1\tx\n2\ty\n"
    Then the status is 200
    When I run "SELECT n, s FROM {t} ORDER BY n"
    Then the body is "1\tx\n2\ty\n"

  Scenario: CSV data
    Given I ran "CREATE TABLE {t} (n UInt32, s String) ENGINE = Memory"
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20CSV" with the body "1,\"a,b\"\n2,plain\n"
    Then the status is 200
    When I run "SELECT n, s FROM {t} ORDER BY n"
    Then the body is "1\ta,b\n2\tplain\n"

  Scenario: CSVWithNames data
    Given I ran "CREATE TABLE {t} (n UInt32, s String) ENGINE = Memory"
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20CSVWithNames" with the body "\"n\",\"s\"\n3,z\n"
    Then the status is 200
    When I run "SELECT n, s FROM {t}"
    Then the body is "3\tz\n"

  Scenario: JSONEachRow data
    Given I ran "CREATE TABLE {t} (n UInt32, s String) ENGINE = Memory"
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20JSONEachRow" with the body "{\"n\":1,\"s\":\"a\"}\n{\"n\":2,\"s\":\"b\"}\n"
    Then the status is 200
    When I run "SELECT n, s FROM {t} ORDER BY n"
    Then the body is "1\ta\n2\tb\n"

  Scenario: INSERT ... SELECT copies rows
    Given I ran "CREATE TABLE {t} (n UInt64) ENGINE = Memory"
    When I run "INSERT INTO {t} SELECT number FROM system.numbers LIMIT 5"
    Then the status is 200
    And the body is empty
    When I run "SELECT sum(n), count() FROM {t}"
    Then the body is "10\t5\n"

  Scenario: Nullable columns take \N in tab-separated data
    Given I ran "CREATE TABLE {t} (n UInt8, v Nullable(String)) ENGINE = Memory"
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20TabSeparated" with the body "1\t\\N\n2\tx\n"
    Then the status is 200
    When I run "SELECT n, v, isNull(v) FROM {t} ORDER BY n"
    Then the body is "1\t\\N\t1\n2\tx\t0\n"

  # Code 27 is CANNOT_PARSE_INPUT_ASSERTION_FAILED; 18.16 answered it with 500,
  # newer servers with 400 (next scenario).
  Scenario: Data that does not parse fails the INSERT
    Given I ran "CREATE TABLE {t} (n UInt8) ENGINE = Memory"
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20TabSeparated" with the body "abc\n"
    Then the error code is 27
    When I run "SELECT count() FROM {t}"
    Then the body is "0\n"

  @since:23.8
  Scenario: Data that does not parse is a bad request
    Given I ran "CREATE TABLE {t} (n UInt8) ENGINE = Memory"
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20TabSeparated" with the body "abc\n"
    Then the request fails with status 400 and error code 27
