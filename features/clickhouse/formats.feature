@clickhouse @doc:http-interface
Feature: Formats
  Results come as TabSeparated unless the query's FORMAT clause, the
  `default_format` URL parameter or the `X-ClickHouse-Format` header asks for
  another format. Each format has its own Content-Type.

  Scenario: TabSeparated is the default
    When I run "SELECT 1 AS a, 'x' AS b"
    Then the status is 200
    And the body is "1\tx\n"
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"

  Scenario: TabSeparated escapes special characters and writes NULL as \N
    When I run "SELECT 'a\\tb\\\\c\\nd' AS s, NULL AS n, [1, 2] AS arr, ['x'] AS strs, toDate('2020-01-02') AS d, toDateTime('2020-01-02 03:04:05') AS t"
    Then the status is 200
    And the body is "a\\tb\\\\c\\nd\t\\N\t[1,2]\t['x']\t2020-01-02\t2020-01-02 03:04:05\n"

  Scenario: TabSeparatedWithNames starts with the column names
    When I run "SELECT 1 AS a, 'x' AS b FORMAT TabSeparatedWithNames"
    Then the status is 200
    And the body is "a\tb\n1\tx\n"
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"

  Scenario: TabSeparatedWithNamesAndTypes adds the column types
    When I run "SELECT 1 AS a, 'x' AS b FORMAT TabSeparatedWithNamesAndTypes"
    Then the status is 200
    And the body is "a\tb\nUInt8\tString\n1\tx\n"

  Scenario: TabSeparatedRaw does not escape
    When I run "SELECT 'x\\\\y' AS s FORMAT TabSeparatedRaw"
    Then the status is 200
    And the body is "x\\y\n"

  Scenario: CSV quotes strings and doubles their quotes
    When I run "SELECT 1 AS a, 'x\"y' AS b FORMAT CSV"
    Then the status is 200
    And the body is "1,\"x\"\"y\"\n"
    And the header "Content-Type" is "text/csv; charset=UTF-8; header=absent"

  Scenario: CSVWithNames starts with the quoted column names
    When I run "SELECT 1 AS a, 'x' AS b FORMAT CSVWithNames"
    Then the status is 200
    And the body is "\"a\",\"b\"\n1,\"x\"\n"
    And the header "Content-Type" is "text/csv; charset=UTF-8; header=present"

  Scenario: JSON describes the columns, the rows and the statistics
    When I run "SELECT 1 AS x, 'a' AS s FORMAT JSON"
    Then the status is 200
    And the header "Content-Type" is "application/json; charset=UTF-8"
    And the body is like the lines:
      """
      {
      	"meta":
      	[
      		{
      			"name": "x",
      			"type": "UInt8"
      		},
      		{
      			"name": "s",
      			"type": "String"
      		}
      	],

      	"data":
      	[
      		{
      			"x": 1,
      			"s": "a"
      		}
      	],

      	"rows": 1,

      	"statistics":
      	{
      		"elapsed": {number},
      		"rows_read": 1,
      		"bytes_read": 1
      	}
      }
      """

  # output_format_json_quote_64bit_integers was on by default until 25.8, which
  # turned it off ("Disable quoting of the 64 bit integers in JSON by default",
  # src/Core/SettingsChangesHistory.cpp, 25.8): 24.8 quotes them, 26.7 does not.
  @until:25.8
  Scenario: JSON quotes 64-bit integers and escapes strings
    When I run "SELECT toUInt64(5) AS u, toInt64(-5) AS i, 'a/b\"c\\\\d' AS s, nan AS n, NULL AS z, [1, 2] AS arr FORMAT JSON"
    Then the status is 200
    And the body contains "\t\t\t\"u\": \"5\",\n\t\t\t\"i\": \"-5\",\n\t\t\t\"s\": \"a\\/b\\\"c\\\\d\",\n\t\t\t\"n\": null,\n\t\t\t\"z\": null,\n\t\t\t\"arr\": [1,2]\n"

  @since:25.8
  Scenario: JSON writes 64-bit integers as numbers and escapes strings
    When I run "SELECT toUInt64(5) AS u, toInt64(-5) AS i, 'a/b\"c\\\\d' AS s, nan AS n, NULL AS z, [1, 2] AS arr FORMAT JSON"
    Then the status is 200
    And the body contains "\t\t\t\"u\": 5,\n\t\t\t\"i\": -5,\n\t\t\t\"s\": \"a\\/b\\\"c\\\\d\",\n\t\t\t\"n\": null,\n\t\t\t\"z\": null,\n\t\t\t\"arr\": [1,2]\n"

  Scenario: output_format_json_quote_64bit_integers quotes them on request
    When I run "SELECT toUInt64(5) AS u, toInt64(-5) AS i FORMAT JSONEachRow" with the URL parameters "output_format_json_quote_64bit_integers=1"
    Then the status is 200
    And the body is "{\"u\":\"5\",\"i\":\"-5\"}\n"

  @until:25.8
  Scenario: JSONCompact writes rows as arrays
    When I run "SELECT toUInt64(5) AS u, 'x' AS s FORMAT JSONCompact"
    Then the status is 200
    And the header "Content-Type" is "application/json; charset=UTF-8"
    And the body contains "\t\"data\":\n\t[\n\t\t[\"5\", \"x\"]\n\t],\n\n\t\"rows\": 1,\n"

  @since:25.8
  Scenario: JSONCompact writes rows as arrays, 64-bit integers unquoted
    When I run "SELECT toUInt64(5) AS u, 'x' AS s FORMAT JSONCompact"
    Then the status is 200
    And the header "Content-Type" is "application/json; charset=UTF-8"
    And the body contains "\t\"data\":\n\t[\n\t\t[5, \"x\"]\n\t],\n\n\t\"rows\": 1,\n"

  @until:25.8
  Scenario: JSONEachRow writes one object per line
    When I run "SELECT number AS n, toString(number) AS s FROM system.numbers LIMIT 2 FORMAT JSONEachRow"
    Then the status is 200
    And the body is "{\"n\":\"0\",\"s\":\"0\"}\n{\"n\":\"1\",\"s\":\"1\"}\n"

  @since:25.8
  Scenario: JSONEachRow writes one object per line, 64-bit integers unquoted
    When I run "SELECT number AS n, toString(number) AS s FROM system.numbers LIMIT 2 FORMAT JSONEachRow"
    Then the status is 200
    And the body is "{\"n\":0,\"s\":\"0\"}\n{\"n\":1,\"s\":\"1\"}\n"

  # 18.16 answered text/plain; the ndjson type came with 21.12.
  @since:21.12
  Scenario: JSONEachRow is served as newline-delimited JSON
    When I run "SELECT 1 AS x FORMAT JSONEachRow"
    Then the status is 200
    And the header "Content-Type" is "application/x-ndjson; charset=UTF-8"

  Scenario: Values writes rows as SQL tuples
    When I run "SELECT number AS n, 'a\\\\b' AS s FROM system.numbers LIMIT 2 FORMAT Values"
    Then the status is 200
    And the body is "(0,'a\\\\b'),(1,'a\\\\b')"
    And the header "Content-Type" is "text/plain; charset=UTF-8"

  Scenario: Vertical writes one value per line
    When I run "SELECT number AS n, 'x' AS s FROM system.numbers LIMIT 2 FORMAT Vertical"
    Then the status is 200
    And the body is the lines:
      """
      Row 1:
      ──────
      n: 0
      s: x

      Row 2:
      ──────
      n: 1
      s: x
      """

  Scenario: Null writes nothing
    When I run "SELECT 1 FORMAT Null"
    Then the status is 200
    And the body is empty

  # The seed shows this example without row numbers; since 24.3 Pretty numbers
  # the rows by default, and since 24.1 it has no colours over HTTP. 18.16 wraps
  # the header in ANSI escapes. The real system wins. The numbers take as many
  # columns as the block's row count has digits, plus ". " (PrettyBlockOutputFormat
  # computes floor(log10(rows)) + 3), so one row leaves a margin of three.
  @since:24.3
  Scenario: Pretty draws a table with numbered rows
    When I POST "/?" with the body "SELECT 1 FORMAT Pretty\n"
    Then the status is 200
    And the header "Content-Type" is "text/plain; charset=UTF-8"
    And the body is the lines:
      """
         ┏━━━┓
         ┃ 1 ┃
         ┡━━━┩
      1. │ 1 │
         └───┘
      """

  @since:24.3
  Scenario: Ten numbered rows need a wider margin
    When I run "SELECT number FROM numbers(10) FORMAT PrettyCompact"
    Then the status is 200
    And the body is the lines:
      """
          ┌─number─┐
       1. │      0 │
       2. │      1 │
       3. │      2 │
       4. │      3 │
       5. │      4 │
       6. │      5 │
       7. │      6 │
       8. │      7 │
       9. │      8 │
      10. │      9 │
          └────────┘
      """

  @since:24.3
  Scenario: Pretty without row numbers is the seed's table
    When I POST "/?output_format_pretty_row_numbers=0" with the body "SELECT 1 FORMAT Pretty\n"
    Then the status is 200
    And the body is the lines:
      """
      ┏━━━┓
      ┃ 1 ┃
      ┡━━━┩
      │ 1 │
      └───┘
      """

  @since:24.3
  Scenario: PrettyCompact draws a lighter table
    When I run "SELECT 1 AS x, 'ab' AS s FORMAT PrettyCompact" with the URL parameters "output_format_pretty_row_numbers=0"
    Then the status is 200
    And the body is the lines:
      """
      ┌─x─┬─s──┐
      │ 1 │ ab │
      └───┴────┘
      """

  Scenario: The default_format parameter picks the format
    When I run "SELECT 1 AS x" with the URL parameters "default_format=JSONEachRow"
    Then the status is 200
    And the body is "{\"x\":1}\n"

  Scenario: The FORMAT clause wins over default_format
    When I run "SELECT 1 AS x FORMAT CSV" with the URL parameters "default_format=JSONEachRow"
    Then the status is 200
    And the body is "1\n"

  @since:20.7
  Scenario: The X-ClickHouse-Format header picks the format
    Given the request header "X-ClickHouse-Format" is "JSONEachRow"
    When I run "SELECT 1 AS x"
    Then the status is 200
    And the body is "{\"x\":1}\n"

  @since:20.7
  Scenario: The X-ClickHouse-Format header wins over default_format
    Given the request header "X-ClickHouse-Format" is "CSV"
    When I run "SELECT 1 AS x" with the URL parameters "default_format=JSONEachRow"
    Then the status is 200
    And the body is "1\n"

  @since:19.1
  Scenario: The answer names the format it used
    When I run "SELECT 1 FORMAT CSV"
    Then the status is 200
    And the header "X-ClickHouse-Format" is "CSV"

  # Context::getDefaultFormat: TabSeparated unless something chose another.
  @since:19.1
  Scenario: An answer without a format names TabSeparated
    When I run "SELECT 1"
    Then the status is 200
    And the header "X-ClickHouse-Format" is "TabSeparated"
