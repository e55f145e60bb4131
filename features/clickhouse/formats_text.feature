@clickhouse @doc:formats
Feature: TSKV, Markdown, LineAsString, RawBLOB, CustomSeparated and Native
  The smaller text formats: name=value lines, Markdown tables, whole lines or
  whole bodies as one string, and a TabSeparated whose delimiters and escaping
  come from settings; and Native, ClickHouse's own columnar blocks.

  Scenario: TSKV writes name=value fields separated by tabs
    When I run "SELECT 1 AS a, 'x\\ty' AS `s=x`, NULL AS n FORMAT TSKV"
    Then the status is 200
    And the header "Content-Type" is "text/tab-separated-values; charset=UTF-8"
    And the body is "a=1\ts\\=x=x\\ty\tn=\\N\n"

  Scenario: TSKV input takes the fields in any order and fills the missing ones with defaults
    When I POST "/" with the body "CREATE TABLE {t} (a UInt8, s String) ENGINE = Memory"
    Then the status is 200
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20TSKV" with the body "s=x\ta=1\na=2\n"
    Then the status is 200
    When I GET "/?query=SELECT%20a,%20s%20FROM%20{t}%20ORDER%20BY%20a"
    Then the body is "1\tx\n2\t\n"
    When I POST "/" with the body "DROP TABLE {t}"
    Then the status is 200

  Scenario: Markdown writes a table with alignment by type
    When I run "SELECT number AS n, toString(number) AS s FROM numbers(2) FORMAT Markdown"
    Then the status is 200
    And the body is "| n | s |\n|-:|:-|\n| 0 | 0 |\n| 1 | 1 |\n"

  Scenario: output_format_markdown_escape_special_characters escapes Markdown's punctuation in strings
    When I run "SELECT '*a|b' AS s FORMAT Markdown" with the URL parameters "output_format_markdown_escape_special_characters=1"
    Then the status is 200
    And the body is "| s |\n|:-|\n| \\*a\\|b |\n"

  Scenario: LineAsString reads every line as one string
    When I POST "/" with the body "CREATE TABLE {t} (s String) ENGINE = Memory"
    Then the status is 200
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20LineAsString" with the body "first line\n\tsecond \\n\n"
    Then the status is 200
    When I GET "/?query=SELECT%20s%20FROM%20{t}%20FORMAT%20JSONEachRow"
    Then the body is "{\"s\":\"first line\"}\n{\"s\":\"\\tsecond \\\\n\"}\n"
    When I POST "/" with the body "DROP TABLE {t}"
    Then the status is 200

  Scenario: RawBLOB writes the values' bytes with nothing between them
    When I run "SELECT 'ab' AS s, toUInt16(258) AS n FORMAT RawBLOB"
    Then the status is 200
    And the body is "ab\x02\x01"

  Scenario: RawBLOB reads the whole body as one string
    When I POST "/" with the body "CREATE TABLE {t} (s String) ENGINE = Memory"
    Then the status is 200
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20RawBLOB" with the body "two\nlines"
    Then the status is 200
    When I GET "/?query=SELECT%20length(s)%20FROM%20{t}"
    Then the body is "9\n"
    When I POST "/" with the body "DROP TABLE {t}"
    Then the status is 200

  Scenario: CustomSeparated takes its delimiters and escaping rule from settings
    When I run "SELECT number AS n, 'x' AS s FROM numbers(2) FORMAT CustomSeparatedWithNames" with the URL parameters "format_custom_escaping_rule=CSV&format_custom_field_delimiter=%7C&format_custom_result_after_delimiter=end%0A"
    Then the status is 200
    And the header "Content-Type" is "text/plain; charset=UTF-8"
    And the body is "\"n\"|\"s\"\n0|\"x\"\n1|\"x\"\nend\n"

  Scenario: Native writes each block column by column
    When I run "SELECT toUInt8(1) AS a, 'x' AS s FORMAT Native"
    Then the status is 200
    And the header "Content-Type" is "application/octet-stream"
    And the body is "\x02\x01\x01a\x05UInt8\x01\x01s\x06String\x01x"

  Scenario: Native input reads the blocks back by column name
    When I POST "/" with the body "CREATE TABLE {t} (s String, a UInt8) ENGINE = Memory"
    Then the status is 200
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20Native" with the body "\x02\x02\x01a\x05UInt8\x01\x02\x01s\x06String\x01x\x01y"
    Then the status is 200
    When I GET "/?query=SELECT%20s,%20a%20FROM%20{t}%20ORDER%20BY%20a"
    Then the body is "x\t1\ny\t2\n"
    When I POST "/" with the body "DROP TABLE {t}"
    Then the status is 200
