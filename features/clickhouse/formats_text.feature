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

  # The format is from PR #10317 and its alignment by type from PR #10479 (2020); 18.16: Unknown
  # format Markdown. The exact spacing of the lines changed after #10479 (its test wrote a space
  # after the last pipe); that release was not pinned down, so the tag is the earliest version proven.
  @since:26.7
  Scenario: Markdown writes a table with alignment by type
    When I run "SELECT number AS n, toString(number) AS s FROM numbers(2) FORMAT Markdown"
    Then the status is 200
    And the body is "| n | s |\n|-:|:-|\n| 0 | 0 |\n| 1 | 1 |\n"

  # 18.16: Unknown setting (src/Core/FormatFactorySettings.h declares it in 26.7). The release
  # that added it was not pinned down, so the tag is the earliest version proven to have it.
  @since:26.7
  Scenario: output_format_markdown_escape_special_characters escapes Markdown's punctuation in strings
    When I run "SELECT '*a|b' AS s FORMAT Markdown" with the URL parameters "output_format_markdown_escape_special_characters=1"
    Then the status is 200
    And the body is "| s |\n|:-|\n| \\*a\\|b |\n"

  # Since 20.10 (PR #14703, changelog 20.10: "Add format `LineAsString`"); 18.16: Unknown format.
  @since:20.10
  Scenario: LineAsString reads every line as one string
    When I POST "/" with the body "CREATE TABLE {t} (s String) ENGINE = Memory"
    Then the status is 200
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20LineAsString" with the body "first line\n\tsecond \\n\n"
    Then the status is 200
    When I GET "/?query=SELECT%20s%20FROM%20{t}%20FORMAT%20JSONEachRow"
    Then the body is "{\"s\":\"first line\"}\n{\"s\":\"\\tsecond \\\\n\"}\n"
    When I POST "/" with the body "DROP TABLE {t}"
    Then the status is 200

  # Since 20.10 (PR #15364, changelog 20.10: "Added format `RawBLOB`"); 18.16: Unknown format.
  @since:20.10
  Scenario: RawBLOB writes the values' bytes with nothing between them
    When I run "SELECT 'ab' AS s, toUInt16(258) AS n FORMAT RawBLOB"
    Then the status is 200
    And the body is "ab\x02\x01"

  # Since 20.10 (PR #15364, changelog 20.10: "Added format `RawBLOB`"); 18.16: Unknown format.
  @since:20.10
  Scenario: RawBLOB reads the whole body as one string
    When I POST "/" with the body "CREATE TABLE {t} (s String) ENGINE = Memory"
    Then the status is 200
    When I POST "/?query=INSERT%20INTO%20{t}%20FORMAT%20RawBLOB" with the body "two\nlines"
    Then the status is 200
    When I GET "/?query=SELECT%20length(s)%20FROM%20{t}"
    Then the body is "9\n"
    When I POST "/" with the body "DROP TABLE {t}"
    Then the status is 200

  # Since 21.12 (PR #31434, changelog 21.12: "Add formats `CustomSeparatedWithNames/WithNamesAndTypes`");
  # 18.16: Unknown setting format_custom_escaping_rule.
  @since:21.12
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
