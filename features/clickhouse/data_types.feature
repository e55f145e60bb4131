@clickhouse @doc:data-types
Feature: Data types
  Decimals are exact, with ClickHouse's result types; tuples, maps and the
  special types (UUID, FixedString, Enum, DateTime64, IPv4/IPv6, wide
  integers, LowCardinality) read, compare and print as the server does.
  Each answer below is real ClickHouse 26.7's.

  @since:26.7
  Scenario: Decimal arithmetic is exact and keeps ClickHouse's result types
    When I run "SELECT toDecimal32(1.5, 2) + toInt64(1) AS a, toDecimal32(1.5, 2) * toDecimal32(2.5, 3) AS b, CAST('12345678901234567890.1234567891' AS Decimal(38, 10)) * 3 AS c, toDecimal32(1.5, 2) + 1.5 AS d FORMAT TabSeparatedWithNamesAndTypes"
    Then the status is 200
    And the body is "a\tb\tc\td\nDecimal(9, 2)\tDecimal(9, 5)\tDecimal(38, 10)\tFloat64\n2.5\t3.75\t37037036703703703670.3703703673\t3\n"

  @since:26.7
  Scenario: Decimal overflow is checked against the storage integer
    When I run "SELECT toDecimal32(9999999, 2) * 1000"
    Then the status is 500
    And the header "X-ClickHouse-Exception-Code" is "407"

  @since:26.7
  Scenario: Tuples, named tuples and maps print in their text and JSON forms
    When I run "SELECT (1, 'a') AS t, CAST((1, 'x'), 'Tuple(a UInt8, b String)') AS nt, map('k', 1) AS m, t.2 AS e, m['k'] AS v FORMAT JSONEachRow"
    Then the status is 200
    And the body is "{\"t\":[1,\"a\"],\"nt\":{\"a\":1,\"b\":\"x\"},\"m\":{\"k\":1},\"e\":\"a\",\"v\":1}\n"

  @since:26.7
  Scenario: A table of the special types round-trips through Values and TabSeparated
    When I run "DROP TABLE IF EXISTS olapspec_types"
    And I run "CREATE TABLE olapspec_types (u UUID, f FixedString(3), e Enum8('b' = 2, 'a' = 1), d DateTime64(3), i IPv6, w UInt256, m Map(String, UInt8)) ENGINE = Memory"
    And I run "INSERT INTO olapspec_types VALUES ('61F0C404-5CB3-11E7-907B-A6006AD3DBA0', 'q', 'b', '2024-01-08 00:00:00.2', '1.2.3.4', 123456789012345678901234567890, {'k': 4})"
    And I run "SELECT * FROM olapspec_types FORMAT TabSeparated"
    Then the status is 200
    And the body is "61f0c404-5cb3-11e7-907b-a6006ad3dba0\tq\\0\\0\tb\t2024-01-08 00:00:00.200\t::ffff:1.2.3.4\t123456789012345678901234567890\t{'k':4}\n"
    And I run "SELECT toTypeName(e) AS t FROM olapspec_types FORMAT JSONEachRow"
    And the body is "{\"t\":\"Enum8('a' = 1, 'b' = 2)\"}\n"
    And I run "DROP TABLE olapspec_types"

  @since:26.7
  Scenario: UUIDs sort by their second half first
    When I run "SELECT arrayJoin([toUUID('00000000-0000-0001-0000-000000000000'), toUUID('00000000-0000-0000-0000-000000000002'), toUUID('00000001-0000-0000-0000-000000000000')]) AS u ORDER BY u"
    Then the status is 200
    And the body is "00000000-0000-0001-0000-000000000000\n00000001-0000-0000-0000-000000000000\n00000000-0000-0000-0000-000000000002\n"

  @since:26.7
  Scenario: coalesce is Nullable only when its last kept argument can be NULL
    When I run "SELECT toTypeName(coalesce(NULL, 1)), toTypeName(coalesce(toNullable(1), NULL)), toTypeName(ifNull(NULL, 'a')), toTypeName(upper(toLowCardinality('a')))"
    Then the status is 200
    And the body is "UInt8\tNullable(UInt8)\tString\tLowCardinality(String)\n"
