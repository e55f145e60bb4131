@clickhouse @doc:formats
Feature: The JSON formats
  Besides JSON and JSONEachRow, ClickHouse writes its results as JSON strings
  (the *Strings* formats), as arrays (the *Compact* formats, optionally with
  header lines), column by column (JSONColumns), as one object of rows
  (JSONObjectEachRow) and pretty-printed (PrettyJSONEachRow).

  @since:25.8
  Scenario: JSONStrings writes every value as a string and NULL as ᴺᵁᴸᴸ
    When I run "SELECT 1 AS n, NULL AS z, [1, 2] AS arr FORMAT JSONStrings"
    Then the status is 200
    And the header "Content-Type" is "application/json; charset=UTF-8"
    And the body contains "\t\"data\":\n\t[\n\t\t{\n\t\t\t\"n\": \"1\",\n\t\t\t\"z\": \"ᴺᵁᴸᴸ\",\n\t\t\t\"arr\": \"[1,2]\"\n\t\t}\n\t],\n"

  # Since 20.10 (PR #14333, changelog 20.10: "Add `JSONStrings` format which output
  # data in arrays of strings"; the PR named the family JSON[Compact]Strings[EachRow]); 18.16: Unknown format.
  @since:20.10
  Scenario: JSONCompactStrings writes rows as arrays of strings
    When I run "SELECT 1 AS n, 'x' AS s FORMAT JSONCompactStrings"
    Then the status is 200
    And the body contains "\t\"data\":\n\t[\n\t\t[\"1\", \"x\"]\n\t],\n"

  @since:25.8
  Scenario: JSONCompactEachRowWithNamesAndTypes starts with a names line and a types line
    When I run "SELECT number AS n, toString(number) AS s FROM numbers(2) FORMAT JSONCompactEachRowWithNamesAndTypes"
    Then the status is 200
    And the body is "[\"n\", \"s\"]\n[\"UInt64\", \"String\"]\n[0, \"0\"]\n[1, \"1\"]\n"

  # Since 21.12 (PR #30178, changelog 21.12: "Add formats ... `JSONCompactStringsEachRowWIthNames`");
  # 18.16: Unknown format.
  @since:21.12
  Scenario: JSONCompactStringsEachRowWithNames writes strings under a names line
    When I run "SELECT 1 AS n, NULL AS z FORMAT JSONCompactStringsEachRowWithNames"
    Then the status is 200
    And the body is "[\"n\", \"z\"]\n[\"1\", \"ᴺᵁᴸᴸ\"]\n"

  # Since 20.10 (PR #14333, changelog 20.10: the JSONStrings formats); 18.16: Unknown format.
  @since:20.10
  Scenario: JSONStringsEachRow writes one object of strings per line
    When I run "SELECT 1 AS n, 'a/b' AS s FORMAT JSONStringsEachRow"
    Then the status is 200
    And the body is "{\"n\":\"1\",\"s\":\"a\\/b\"}\n"

  @since:25.8
  Scenario: JSONColumns writes one array per column
    When I run "SELECT number AS n, toString(number) AS s FROM numbers(3) FORMAT JSONColumns"
    Then the status is 200
    And the body is "{\n\t\"n\": [0, 1, 2],\n\t\"s\": [\"0\", \"1\", \"2\"]\n}\n"

  @since:25.8
  Scenario: JSONCompactColumns writes the column arrays in an array
    When I run "SELECT number AS n FROM numbers(2) FORMAT JSONCompactColumns"
    Then the status is 200
    And the body is "[\n\t[0, 1]\n]\n"

  @since:25.8
  Scenario: JSONObjectEachRow names each row
    When I run "SELECT number AS n FROM numbers(2) FORMAT JSONObjectEachRow"
    Then the status is 200
    And the body is "{\n\t\"row_1\": {\"n\":0},\n\t\"row_2\": {\"n\":1}\n}\n"

  # Since 22.10 (PR #41703, changelog 22.10: "Add setting
  # `format_json_object_each_row_column_for_object_name`"); 18.16: Unknown setting.
  @since:22.10
  Scenario: format_json_object_each_row_column_for_object_name names the rows by a column
    When I run "SELECT 'first' AS name, 1 AS v FORMAT JSONObjectEachRow" with the URL parameters "format_json_object_each_row_column_for_object_name=name"
    Then the status is 200
    And the body is "{\n\t\"first\": {\"v\":1}\n}\n"

  # 18.16: Unknown format PrettyJSONEachRow (JSONEachRowRowOutputFormat.cpp registers it in 26.7).
  # The release that added it, and the one that settled this layout of nested arrays (see the
  # JSON scenario on arrays of arrays), were not pinned down: the tag is the earliest version proven.
  @since:26.7
  Scenario: PrettyJSONEachRow spreads each row over lines
    When I run "SELECT 1 AS n, [[1], [2, 3]] AS a FORMAT PrettyJSONEachRow"
    Then the status is 200
    And the body is "{\n    \"n\": 1,\n    \"a\": [\n        [1],\n        [2,3]\n    ]\n}\n"

  @since:25.8
  Scenario: JSON spreads arrays of arrays over lines
    When I run "SELECT [[1], [2, 3]] AS a FORMAT JSON"
    Then the status is 200
    And the body contains "\t\t{\n\t\t\t\"a\": [\n\t\t\t\t[1],\n\t\t\t\t[2,3]\n\t\t\t]\n\t\t}\n"

  @since:25.8
  Scenario: output_format_json_array_of_rows wraps JSONEachRow rows into one array, still served as ndjson
    When I run "SELECT number AS n FROM numbers(2) FORMAT JSONEachRow" with the URL parameters "output_format_json_array_of_rows=1"
    Then the status is 200
    And the header "Content-Type" is "application/x-ndjson; charset=UTF-8"
    And the body is "[\n{\"n\":0},\n{\"n\":1}\n]\n"

  # Since 21.12 (PR #30178, changelog 21.12: "Add formats ... `JSONCompactEachRowWIthNames`");
  # 18.16: Unknown format.
  @since:21.12
  Scenario: JSONCompactEachRowWithNames input maps the values by the names line
    When I POST "/" with the body "CREATE TABLE {t} (a UInt8, s String) ENGINE = Memory"
    Then the status is 200
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20JSONCompactEachRowWithNames" with the body "[\"s\", \"a\"]\n[\"x\", 1]\n[\"y\", 2]\n"
    Then the status is 200
    When I GET "/?query=SELECT%20a,%20s%20FROM%20{t}%20ORDER%20BY%20a"
    Then the body is "1\tx\n2\ty\n"
    When I POST "/" with the body "DROP TABLE {t}"
    Then the status is 200

  # Since 22.9 (changelog 22.9 per ClickHouse/clickhouse-js issue #99: JSONObjectEachRow input and output,
  # src/Processors/Formats/Impl/JSONObjectEachRowRowInputFormat.cpp); 18.16: Unknown format.
  @since:22.9
  Scenario: JSONObjectEachRow input reads one object of rows
    When I POST "/" with the body "CREATE TABLE {t} (a UInt8, s String) ENGINE = Memory"
    Then the status is 200
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20JSONObjectEachRow" with the body "{\"row_1\": {\"a\": 1, \"s\": \"x\"}, \"row_2\": {\"a\": 2}}"
    Then the status is 200
    When I GET "/?query=SELECT%20a,%20s%20FROM%20{t}%20ORDER%20BY%20a"
    Then the body is "1\tx\n2\t\n"
    When I POST "/" with the body "DROP TABLE {t}"
    Then the status is 200
