@clickhouse @doc:compression
Feature: Compression
  A request body may be compressed with the HTTP method its Content-Encoding
  names: gzip, br, deflate, xz, zstd, lz4, bz2 or snappy. Responses are
  compressed when the enable_http_compression setting is on and Accept-Encoding
  names a method. ClickHouse also has a compression format of its own, in
  checksummed blocks: compress=1 asks for the answer in it, decompress=1 says
  the POST body is in it.

  Scenario: A gzip-compressed request body, as in the documentation
    Given the request header "Content-Encoding" is "gzip"
    When I POST "/" with the body "SELECT 1\n" compressed with gzip
    Then the status is 200
    And the body is "1\n"

  Scenario: A deflate-compressed request body
    Given the request header "Content-Encoding" is "deflate"
    When I POST "/" with the body "SELECT 1\n" compressed with deflate
    Then the status is 200
    And the body is "1\n"

  # The Debian build of 18.16 reads gzip and deflate bodies only; the other
  # methods arrived over 19.x-22.x. The tag names a version known to have them all.
  @since:24.1
  Scenario Outline: A request body compressed with <method>
    Given the request header "Content-Encoding" is "<token>"
    When I POST "/" with the body "SELECT 1\n" compressed with <method>
    Then the status is 200
    And the body is "1\n"

    Examples:
      | token  | method |
      | br     | br     |
      | xz     | xz     |
      | zstd   | zstd   |
      | lz4    | lz4    |

  @since:24.1
  Scenario: A request body compressed with bz2
    Given the request header "Content-Encoding" is "bz2"
    When I POST "/" with the body "SELECT 1\n" compressed with bz2
    Then the status is 200
    And the body is "1\n"

  # Until 26.7 a snappy body is Hadoop's block format (HadoopSnappyReadBuffer);
  # 26.7 reads the snappy framing format instead (SnappyFramedReadBuffer, PR #100752).
  @since:24.1 @until:26.7
  Scenario: A request body compressed with snappy in Hadoop's block format
    Given the request header "Content-Encoding" is "snappy"
    When I POST "/" with the body "SELECT 1\n" compressed with snappy
    Then the status is 200
    And the body is "1\n"

  @since:26.7
  Scenario: A request body compressed with snappy in the framing format
    Given the request header "Content-Encoding" is "snappy"
    When I POST "/" with the body "SELECT 1\n" compressed with snappy-framed
    Then the status is 200
    And the body is "1\n"

  @since:26.7
  Scenario: A snappy body that is not in the framing format is refused
    Given the request header "Content-Encoding" is "snappy"
    When I POST "/" with the body "SELECT 1\n" compressed with snappy
    Then the request fails with status 500 and error code 638
    And the error message starts with "Invalid snappy framing format: bad stream identifier"

  @since:24.1
  Scenario Outline: The other names of a method: <token>
    Given the request header "Content-Encoding" is "<token>"
    When I POST "/" with the body "SELECT 1\n" compressed with <method>
    Then the status is 200
    And the body is "1\n"

    Examples:
      | token  | method |
      | gz     | gzip   |
      | brotli | br     |
      | lzma   | xz     |
      | zst    | zstd   |
      | GZIP   | gzip   |
      | Zstd   | zstd   |

  @since:24.1
  Scenario Outline: "<token>" means an uncompressed body
    Given the request header "Content-Encoding" is "<token>"
    When I POST "/" with the body "SELECT 1\n"
    Then the status is 200
    And the body is "1\n"

    Examples:
      | token |
      | none  |
      | auto  |

  # 18.16 answered 500 and code 89: "Unknown Content-Encoding of HTTP request: bogus".
  @since:24.1
  Scenario: An unknown Content-Encoding is 501 Not Implemented
    Given the request header "Content-Encoding" is "bogus"
    When I POST "/" with the body "SELECT 1\n"
    Then the status is 501
    And the body is like "Code: 48. DB::Exception: Unknown compression method 'bogus'. Only 'auto', 'none', 'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy' are supported as compression methods. (NOT_IMPLEMENTED) (version {version})\n"

  # HTTP's own name for "not encoded" is not one of ClickHouse's.
  @since:24.1
  Scenario: Content-Encoding identity is refused like an unknown method
    Given the request header "Content-Encoding" is "identity"
    When I POST "/" with the body "SELECT 1\n"
    Then the request fails with status 501 and error code 48
    And the error message starts with "Unknown compression method 'identity'"

  Scenario: A body that is not what its Content-Encoding says is an error
    Given the request header "Content-Encoding" is "gzip"
    When I POST "/" with the body "SELECT 1\n"
    Then the status is 500
    And the body contains "Code: "

  Scenario: A gzip-compressed response when compression is enabled
    Given the request header "Accept-Encoding" is "gzip"
    When I POST "/?enable_http_compression=1" with the body "SELECT number FROM system.numbers LIMIT 3"
    Then the status is 200
    And the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip is "0\n1\n2\n"

  Scenario: A deflate-compressed response when compression is enabled
    Given the request header "Accept-Encoding" is "deflate"
    When I POST "/?enable_http_compression=1" with the body "SELECT number FROM system.numbers LIMIT 3"
    Then the status is 200
    And the header "Content-Encoding" is "deflate"
    And the body decompressed with deflate is "0\n1\n2\n"

  @since:24.1
  Scenario Outline: A <method>-compressed response
    Given the request header "Accept-Encoding" is "<method>"
    When I POST "/?enable_http_compression=1" with the body "SELECT number FROM system.numbers LIMIT 3"
    Then the status is 200
    And the header "Content-Encoding" is "<method>"
    And the body decompressed with <method> is "0\n1\n2\n"

    Examples:
      | method |
      | br     |
      | xz     |
      | zstd   |
      | lz4    |

  @since:24.1
  Scenario: A bz2-compressed response
    Given the request header "Accept-Encoding" is "bz2"
    When I POST "/?enable_http_compression=1" with the body "SELECT number FROM system.numbers LIMIT 3"
    Then the status is 200
    And the header "Content-Encoding" is "bz2"
    And the body decompressed with bz2 is "0\n1\n2\n"

  # Accept-Encoding could name snappy before 26.7, but nothing wrote it; 26.7
  # writes the framing format (SnappyFramedWriteBuffer, PR #100752).
  @since:26.7
  Scenario: A snappy-compressed response is in the framing format
    Given the request header "Accept-Encoding" is "snappy"
    When I POST "/?enable_http_compression=1" with the body "SELECT number FROM system.numbers LIMIT 3"
    Then the status is 200
    And the header "Content-Encoding" is "snappy"
    And the body decompressed with snappy-framed is "0\n1\n2\n"

  # enable_http_compression is off by default until 25.10, on since ("It should
  # be beneficial in general", src/Core/SettingsChangesHistory.cpp).
  @until:25.10
  Scenario: Compression is off unless enable_http_compression turns it on
    Given the request header "Accept-Encoding" is "gzip"
    When I POST "/" with the body "SELECT 1"
    Then the status is 200
    And the header "Content-Encoding" is absent
    And the body is "1\n"

  @since:25.10
  Scenario: Compression is on by default
    Given the request header "Accept-Encoding" is "gzip"
    When I POST "/" with the body "SELECT 1"
    Then the status is 200
    And the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip is "1\n"

  Scenario: enable_http_compression=0 leaves the answer uncompressed
    Given the request header "Accept-Encoding" is "gzip"
    When I POST "/?enable_http_compression=0" with the body "SELECT number FROM system.numbers LIMIT 3"
    Then the status is 200
    And the header "Content-Encoding" is absent
    And the body is "0\n1\n2\n"

  # The server's own order of preference decides among the methods the header
  # accepts, whatever their order or q-values.
  Scenario: gzip is preferred to deflate whatever the order in Accept-Encoding
    Given the request header "Accept-Encoding" is "deflate, gzip"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip is "1\n"

  # Until 26.7 the method is found by a plain, case-sensitive search of the
  # header for the names the server knows: q-values count for nothing. 26.7
  # reads the header as codings with q-values (chooseHTTPCompressionMethod,
  # PR #110108; src/IO/tests/gtest_choose_http_compression.cpp).
  @until:26.7
  Scenario: A q-value of zero does not refuse a method
    Given the request header "Accept-Encoding" is "gzip;q=0"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip is "1\n"

  @until:26.7
  Scenario: A name inside another word still selects the method
    Given the request header "Accept-Encoding" is "x-gzip-custom"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip is "1\n"

  @since:26.7
  Scenario Outline: A q-value of zero refuses a method: <header>
    Given the request header "Accept-Encoding" is "<header>"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the status is 200
    And the header "Content-Encoding" is absent
    And the body is "1\n"

    Examples:
      | header           |
      | gzip;q=0         |
      | gzip; q=0.000    |
      | GZip;Q=0         |
      | gzip;level=1;q=0 |
      | *;q=0            |

  @since:26.7
  Scenario Outline: Accept-Encoding "<header>" selects <method>
    Given the request header "Accept-Encoding" is "<header>"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the status is 200
    And the header "Content-Encoding" is "<method>"
    And the body decompressed with <method> is "1\n"

    Examples:
      | header                  | method  |
      | deflate, gzip;q=0       | deflate |
      | gzip;q=0.5, deflate;q=1 | gzip    |
      | GZIP                    | gzip    |
      | *                       | zstd    |
      | zstd;q=0, *             | br      |
      | *;q=0, gzip             | gzip    |
      | x-zstd, deflate         | deflate |

  # The static handlers (/ping, /) read the header the same way.
  @since:26.7
  Scenario: /ping leaves a method whose q-value is zero alone
    Given the request header "Accept-Encoding" is "gzip;q=0, deflate"
    When I GET "/ping"
    Then the status is 200
    And the header "Content-Encoding" is "deflate"
    And the body decompressed with deflate is "Ok.\n"

  @since:26.7
  Scenario: A coding is a whole token, not a name inside another word
    Given the request header "Accept-Encoding" is "x-gzip-custom"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the header "Content-Encoding" is absent
    And the body is "1\n"

  Scenario: Accept-Encoding without a known method leaves the answer uncompressed
    Given the request header "Accept-Encoding" is "zip, eflate, identity"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the status is 200
    And the header "Content-Encoding" is absent
    And the body is "1\n"

  # Modern order: zstd > br > lz4 > snappy > gzip > deflate > xz > bz2 (18.16: br > gzip > deflate).
  @since:24.1
  Scenario: zstd is preferred to every other method
    Given the request header "Accept-Encoding" is "gzip, deflate, br, zstd, lz4"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the header "Content-Encoding" is "zstd"
    And the body decompressed with zstd is "1\n"

  @since:24.1
  Scenario: br is preferred to gzip
    Given the request header "Accept-Encoding" is "gzip, deflate, br"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1"
    Then the header "Content-Encoding" is "br"
    And the body decompressed with br is "1\n"

  Scenario Outline: http_zlib_compression_level <level> gives the same data
    Given the request header "Accept-Encoding" is "gzip"
    When I POST "/?enable_http_compression=1&http_zlib_compression_level=<level>" with the body "SELECT number FROM system.numbers LIMIT 3"
    Then the status is 200
    And the header "Content-Encoding" is "gzip"
    And the body decompressed with gzip is "0\n1\n2\n"

    Examples:
      | level |
      | 1     |
      | 9     |

  Scenario: An empty answer is not compressed at all
    Given the request header "Accept-Encoding" is "gzip"
    When I POST "/?enable_http_compression=1" with the body "SELECT 1 WHERE 0"
    Then the status is 200
    And the header "Content-Encoding" is absent
    And the body is empty

  # ClickHouse's own format, checked against a real server: blocks that
  # olapspec's encoder (lib/compression) made are accepted by ClickHouse 18.16.
  Scenario Outline: A POST body in native blocks compressed with <method>
    Given I ran "CREATE TABLE {t} (a UInt8, s String) ENGINE = Memory"
    When I POST "/?decompress=1" with the body "INSERT INTO {t} FORMAT TabSeparated\n1\tone\n2\ttwo\n" in native blocks compressed with <method>
    Then the status is 200
    When I run "SELECT a, s FROM {t} ORDER BY a"
    Then the body is "1\tone\n2\ttwo\n"

    Examples:
      | method |
      | lz4    |
      | zstd   |
      | none   |

  Scenario: The query in the URL and the data in native blocks
    Given I ran "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    When I POST "/?decompress=1&query=INSERT%20INTO%20{t}%20FORMAT%20TabSeparated" with the body "1\n2\n3\n" in native blocks compressed with lz4
    Then the status is 200
    When I run "SELECT sum(a) FROM {t}"
    Then the body is "6\n"

  # 18.16 and 24.8 report code 40 (CHECKSUM_DOESNT_MATCH); 24.9 and later 271 (CANNOT_DECOMPRESS).
  Scenario: A block whose checksum does not match is refused
    When I POST "/?decompress=1" with the body "SELECT 1" in native blocks whose checksum is wrong
    Then the status is 500
    And the error message starts with "Checksum doesn't match: corrupted data. Reference: "
    And the error message contains "Size of compressed block: "

  Scenario: A failed compressed INSERT stores nothing
    Given I ran "CREATE TABLE {t} (a UInt8, s String) ENGINE = Memory"
    When I POST "/?decompress=1" with the body "INSERT INTO {t} FORMAT TabSeparated\n1\tone\n2\ttwo\n3\tthree\n4\tfour\n" in native blocks of 32 bytes whose last block is corrupt
    Then the status is 500
    And the error message starts with "Checksum doesn't match: corrupted data"
    When I run "SELECT count() FROM {t}"
    Then the body is "0\n"

  Scenario: Checksums are not checked when the setting disables them
    When I POST "/?decompress=1&http_native_compression_disable_checksumming_on_decompress=1" with the body "SELECT 1" in native blocks whose checksum is wrong
    Then the status is 200
    And the body is "1\n"

  Scenario: A body too short to be a block is an error
    When I POST "/?decompress=1" with the body "garbage"
    Then the status is 500
    And the body contains "Code: "

  # The Debian build of 18.16 answers compress=1 with an empty body (a defect of
  # that build); servers since 19.x write LZ4 blocks.
  @since:19.1
  Scenario: compress=1 answers in native blocks compressed with LZ4
    When I POST "/?compress=1" with the body "SELECT number FROM system.numbers LIMIT 3"
    Then the status is 200
    And the body is native compressed blocks with the method byte 130
    And the body decoded from native compressed blocks is "0\n1\n2\n"
