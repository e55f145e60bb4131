@clickhouse @doc:default-database
Feature: External data for query processing
  A POST in multipart/form-data may carry files that the query reads as
  temporary tables: each file part is a table named after the part, read in
  the format <name>_format (TabSeparated by default), with the columns of
  <name>_structure ("a UInt8, b String") or of <name>_types ("UInt8,String",
  columns _1, _2, ...). These may be URL parameters or form fields before the file.

  Scenario: A CSV file with its column types in the URL
    When I POST to "/?query=SELECT+*+FROM+file&file_format=CSV&file_types=UInt8,String" the form:
      | name | file name | content              |
      | file | -         | 1,Hello\n2,World\n   |
    Then the status is 200
    And the body is "1\tHello\n2\tWorld\n"

  Scenario: A RowBinary file with its structure in the URL
    When I POST to "/?query=SELECT+*+FROM+tmp&tmp_structure=TaskID+UInt32&tmp_format=RowBinary" the form:
      | name | file name | content                          |
      | tmp  | -         | \x01\x00\x00\x00\x02\x00\x00\x00 |
    Then the status is 200
    And the body is "1\n2\n"

  Scenario: The column names of the structure can be used in the query
    When I POST to "/?query=SELECT+sum(a)+FROM+t&t_structure=a+UInt8,+b+String" the form:
      | name | file name | content            |
      | t    | t.tsv     | 1\tone\n2\ttwo\n   |
    Then the status is 200
    And the body is "3\n"

  Scenario: The structure may come as a form field before the file
    When I POST to "/?query=SELECT+b+FROM+file" the form:
      | name           | file name | content            |
      | file_structure |           | a UInt8, b String  |
      | file           | -         | 1\tx\n             |
    Then the status is 200
    And the body is "x\n"

  Scenario: Types name the columns _1, _2 and so on
    When I POST to "/?query=SELECT+_2,+_1+FROM+file&file_types=UInt8,String" the form:
      | name | file name | content     |
      | file | -         | 5\tfive\n   |
    Then the status is 200
    And the body is "five\t5\n"

  Scenario: Several files are several tables
    When I POST to "/?query=SELECT+count()+FROM+a+WHERE+x+IN+(SELECT+y+FROM+b)&a_structure=x+UInt8&b_structure=y+UInt8" the form:
      | name | file name | content       |
      | a    | a.tsv     | 1\n2\n3\n4\n  |
      | b    | b.tsv     | 2\n4\n        |
    Then the status is 200
    And the body is "2\n"

  Scenario: External data can feed an INSERT
    Given I ran "CREATE TABLE {t} (a UInt8) ENGINE = Memory"
    When I POST to "/?query=INSERT+INTO+{t}+SELECT+x+FROM+ext&ext_structure=x+UInt8" the form:
      | name | file name | content      |
      | ext  | e.tsv     | 7\n8\n       |
    Then the status is 200
    When I run "SELECT sum(a) FROM {t}"
    Then the body is "15\n"

  Scenario: A file without structure or types is an error
    When I POST to "/?query=SELECT+*+FROM+file" the form:
      | name | file name | content |
      | file | -         | 1\tx\n  |
    Then the error code is 36
    And the error message is "Neither structure nor types have not been provided for external table file. Use fields file_structure or file_types to do so."

  # 18.16 answered it with 500.
  @since:23.8
  Scenario: A file without structure or types is 400 Bad Request
    When I POST to "/?query=SELECT+*+FROM+file" the form:
      | name | file name | content |
      | file | -         | 1\tx\n  |
    Then the request fails with status 400 and error code 36

  # http_max_multipart_form_data_size limits each part; it cannot come from the
  # URL, so the user olapspec_small_forms has it in its profile (100 bytes).
  # When LimitReadBuffer took its Settings (read_no_more, expect_eof), its
  # LIMIT_EXCEEDED became unreachable: the window stops at the limit, so the
  # part is cut there without an error (src/IO/LimitReadBuffer.cpp, nextImpl;
  # the open fix is PR #120036). 26.7 cuts, 18.16 refuses; where between 24.8
  # and 26.7 the change landed is not pinned down, 25.1 is an estimate.
  @suite-config @until:25.1
  Scenario: A part larger than http_max_multipart_form_data_size is refused with code 290
    When I POST to "/?user=olapspec_small_forms&password=olapspec-small-forms-secret&query=SELECT+count()+FROM+file&file_types=String" the form:
      | name | file name | content                                                                                                                                                              |
      | file | -         | 0123456789012345678901234567890123456789\n0123456789012345678901234567890123456789\n0123456789012345678901234567890123456789\n0123456789012345678901234567890123456789\n |
    Then the request fails with status 500 and error code 290
    And the error message contains "the maximum size of multipart/form-data. This limit can be tuned by 'http_max_multipart_form_data_size' setting"

  @suite-config @since:25.1
  Scenario: A part larger than http_max_multipart_form_data_size is cut at the limit
    When I POST to "/?user=olapspec_small_forms&password=olapspec-small-forms-secret&query=SELECT+count()+FROM+file&file_types=String" the form:
      | name | file name | content                                                                                                                                                              |
      | file | -         | 0123456789012345678901234567890123456789\n0123456789012345678901234567890123456789\n0123456789012345678901234567890123456789\n0123456789012345678901234567890123456789\n |
    Then the status is 200
    And the body is "3\n"

  @suite-config
  Scenario: A part within http_max_multipart_form_data_size is read
    When I POST to "/?user=olapspec_small_forms&password=olapspec-small-forms-secret&query=SELECT+count()+FROM+file&file_types=String" the form:
      | name | file name | content  |
      | file | -         | a\nb\nc\n |
    Then the status is 200
    And the body is "3\n"
