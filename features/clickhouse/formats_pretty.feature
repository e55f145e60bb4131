@clickhouse @doc:formats
Feature: The Pretty formats
  Pretty, PrettyCompact and PrettySpace draw the result as a table for people
  to read: long results lose their middle rows, multi-line values stay inside
  their cells, long column names are cut, and short wide tables are written as
  Vertical instead.

  @since:25.8
  Scenario: Past output_format_pretty_max_rows the middle rows are left out
    When I run "SELECT number AS n FROM numbers(5) FORMAT PrettyCompact" with the URL parameters "output_format_pretty_max_rows=3"
    Then the status is 200
    And the body is "   ┌─n─┐\n1. │ 0 │\n2. │ 1 │\n   ─ ─ ─\n5. │ 4 │\n   └───┘\nShowed 3 out of 5 rows.\n"

  @since:25.8
  Scenario: A multi-line value stays inside its cell
    When I run "SELECT 'a\nbc' AS s, 5 AS n FORMAT PrettyCompact"
    Then the status is 200
    And the body is "   ┌─s──┬─n─┐\n1. │ a ↴│ 5 │\n   │↳bc │   │\n   └────┴───┘\n"

  @since:25.8
  Scenario: A long column name that is not an identifier is cut in the middle
    When I run "SELECT 1 AS `weird name with spaces and more than thirty chars` FORMAT PrettyCompact"
    Then the status is 200
    And the body is "   ┌─weird name w⋯hirty chars─┐\n1. │                        1 │\n   └──────────────────────────┘\n"

  @since:25.8
  Scenario: Dates are right-aligned, Bool is not, and a large number in the last column gets a tip
    When I run "SELECT toDate('2024-01-02') AS d, true AS b, 2000000 AS big FORMAT PrettyCompact"
    Then the status is 200
    And the body is "   ┌──────────d─┬─b────┬─────big─┐\n1. │ 2024-01-02 │ true │ 2000000 │ -- 2.00 million\n   └────────────┴──────┴─────────┘\n"

  @since:25.8
  Scenario: A short table of five columns with a multi-line value is written as Vertical
    When I run "SELECT 1 AS a, 2 AS b, 3 AS c, 4 AS d, 'x\ny' AS e FORMAT Pretty"
    Then the status is 200
    And the body is "Row 1:\n──────\na: 1\nb: 2\nc: 3\nd: 4\ne: x\ny\n"

  @since:25.8
  Scenario: output_format_pretty_color=1 colours the names and the row numbers
    When I run "SELECT 1 AS x FORMAT PrettyCompact" with the URL parameters "output_format_pretty_color=1"
    Then the status is 200
    And the body is "   ┌─\e[1mx\e[0m─┐\n\e[90m1. \e[0m│ 1 │\n   └───┘\n"

  # The setting is from PR #12372 (2020); 18.16: Unknown setting output_format_pretty_grid_charset.
  # The row numbers and NULL written as NULL under ASCII are later; the release of that shape was
  # not pinned down, so the tag is the earliest version proven to have it.
  @since:26.7
  Scenario: The ASCII grid charset draws with plain characters and writes NULL as NULL
    When I run "SELECT NULL AS z FORMAT PrettyCompact" with the URL parameters "output_format_pretty_grid_charset=ASCII"
    Then the status is 200
    And the body is "   +-z----+\n1. | NULL |\n   +------+\n"

  Scenario: XML writes arrays element by element
    When I run "SELECT [1, NULL] AS a FORMAT XML"
    Then the status is 200
    And the body contains "\t\t\t<a><array><elem>1</elem><elem>\\N</elem></array></a>\n"
