// The ClickHouse settings registry (26.7 defaults; an emulated older version
// replaces the ones that differ, see ClickHouseCompat.settingDefaults) and a per-query Settings
// object. Values are stored parsed: UInt64/Int64/Seconds/Milliseconds as
// numbers, Bool as boolean, everything else as strings.

import { EngineError } from './errors.ts';
import { isValidTimezone } from './time.ts';
import type { SettingsView } from './api.ts';

export type SettingType =
  | 'UInt64' | 'Int64' | 'Float' | 'Bool' | 'String' | 'Char' | 'Seconds' | 'Milliseconds'
  | 'MaxThreads' | 'UInt64Auto' | 'Timezone' | 'OverflowMode' | 'Enum';

export interface SettingDef {
  name: string;
  type: SettingType;
  default: unknown;
  description: string;
  /** Allowed values of an Enum / OverflowMode setting. */
  values?: readonly string[];
}

const OVERFLOW = ['throw', 'break'] as const;

const D = (name: string, type: SettingType, def: unknown, description: string, values?: readonly string[]): SettingDef =>
  values ? { name, type, default: def, description, values } : { name, type, default: def, description };

export const SETTINGS: readonly SettingDef[] = [
  D('readonly', 'UInt64', 0, '0 - no read-only restrictions. 1 - only read requests, as well as changing explicitly allowed settings. 2 - only read requests, as well as changing settings, except for the \'readonly\' setting.'),
  D('max_block_size', 'UInt64', 65409, 'Maximum block size in rows for reading'),
  D('max_insert_block_size', 'UInt64', 1048449, 'The maximum block size for insertion, if we control the creation of blocks for insertion'),
  D('min_insert_block_size_rows', 'UInt64', 1048449, 'Squash blocks passed to INSERT query to specified size in rows, if blocks are not big enough.'),
  D('min_insert_block_size_bytes', 'UInt64', 268402944, 'Squash blocks passed to INSERT query to specified size in bytes, if blocks are not big enough.'),
  D('max_query_size', 'UInt64', 262144, 'The maximum number of bytes of a query string parsed by the SQL parser. Data in the VALUES clause of INSERT queries is processed by a separate stream parser (that consumes O(1) RAM) and not affected by this restriction.'),
  D('max_parser_depth', 'UInt64', 1000, 'Maximum parser depth (recursion depth of recursive descend parser).'),
  D('max_ast_depth', 'UInt64', 1000, 'Maximum depth of query syntax tree. Checked after parsing.'),
  D('max_ast_elements', 'UInt64', 50000, 'Maximum size of query syntax tree in number of nodes. Checked after parsing.'),
  D('max_final_threads', 'MaxThreads', 0, 'The maximum number of threads to read from table with FINAL.'),
  D('max_threads', 'MaxThreads', 0, 'The maximum number of threads to execute the request. By default, it is determined automatically.'),
  D('max_execution_time', 'Seconds', 0, 'If query runtime exceeds the specified number of seconds, the behavior will be determined by the \'timeout_overflow_mode\', which by default is - throw an exception.'),
  D('timeout_overflow_mode', 'OverflowMode', 'throw', 'What to do when the limit is exceeded.', OVERFLOW),
  D('max_rows_to_read', 'UInt64', 0, 'Limit on read rows from the most \'deep\' sources. That is, only in the deepest subquery. When reading from a remote server, it is only checked on a remote server.'),
  D('max_bytes_to_read', 'UInt64', 0, 'Limit on read bytes (after decompression) from the most \'deep\' sources. That is, only in the deepest subquery. When reading from a remote server, it is only checked on a remote server.'),
  D('read_overflow_mode', 'OverflowMode', 'throw', 'What to do when the limit is exceeded.', OVERFLOW),
  D('max_rows_to_group_by', 'UInt64', 0, 'If aggregation during GROUP BY is generating more than the specified number of rows (unique GROUP BY keys), the behavior will be determined by the \'group_by_overflow_mode\' which by default is - throw an exception, but can be also switched to an approximate GROUP BY mode.'),
  D('group_by_overflow_mode', 'Enum', 'throw', 'What to do when the limit is exceeded.', ['throw', 'break', 'any']),
  D('max_result_rows', 'UInt64', 0, 'Limit on result size in rows. The query will stop after processing a block of data if the threshold is met, but it will not cut the last block of the result, therefore the result size can be larger than the threshold.'),
  D('max_result_bytes', 'UInt64', 0, 'Limit on result size in bytes (uncompressed).  The query will stop after processing a block of data if the threshold is met, but it will not cut the last block of the result, therefore the result size can be larger than the threshold. Caveats: the result size in memory is taken into account for this threshold. Even if the result size is small, it can reference larger data structures in memory, representing dictionaries of LowCardinality columns, and Arenas of AggregatingMergeTree columns, so the threshold can be exceeded despite the small result size. The setting is fairly low level and should be used with caution.'),
  D('result_overflow_mode', 'OverflowMode', 'throw', 'What to do when the limit is exceeded.', OVERFLOW),
  D('max_memory_usage', 'UInt64', 0, 'Maximum memory usage for processing of single query. Zero means unlimited.'),
  D('max_memory_usage_for_user', 'UInt64', 0, 'Maximum memory usage for processing all concurrently running queries for the user. Zero means unlimited.'),
  D('limit', 'UInt64', 0, 'Limit on read rows from the most \'end\' result for select query, default 0 means no limit length'),
  D('offset', 'UInt64', 0, 'Offset on read rows from the most \'end\' result for select query'),
  D('extremes', 'Bool', false, 'Calculate minimums and maximums of the result columns. They can be output in JSON-formats.'),
  D('send_progress_in_http_headers', 'Bool', false, 'Send progress notifications using X-ClickHouse-Progress headers. Some clients do not support high amount of HTTP headers (Python requests in particular), so it is disabled by default.'),
  D('http_headers_progress_interval_ms', 'UInt64', 100, 'Do not send HTTP headers X-ClickHouse-Progress more frequently than at each specified interval.'),
  D('http_wait_end_of_query', 'Bool', false, 'Enable HTTP response buffering on the server-side.'),
  D('http_write_exception_in_output_format', 'Bool', false, 'Write exception in output format to produce valid output. Works with JSON and XML formats.'),
  D('http_response_buffer_size', 'UInt64', 0, 'The number of bytes to buffer in the server memory before sending a HTTP response to the client or flushing to disk (when http_wait_end_of_query is enabled).'),
  D('enable_http_compression', 'Bool', true, 'Compress the result if the client over HTTP said that it understands data compressed by gzip, deflate, zstd, br, lz4, bz2, xz.'),
  D('http_zlib_compression_level', 'Int64', 3, 'Compression level - used if the client on HTTP said that it understands data compressed by gzip or deflate.'),
  D('http_native_compression_disable_checksumming_on_decompress', 'Bool', false, 'If you uncompress the POST data from the client compressed by the native format, do not check the checksum.'),
  D('add_http_cors_header', 'Bool', false, 'Write add http CORS header.'),
  D('http_max_uri_size', 'UInt64', 1048576, 'Maximum URI length of HTTP request'),
  D('http_max_fields', 'UInt64', 1000, 'Maximum number of fields in HTTP header'),
  D('http_max_field_name_size', 'UInt64', 4096, 'Maximum length of field name in HTTP header'),
  D('http_max_field_value_size', 'UInt64', 131072, 'Maximum length of field value in HTTP header'),
  D('http_max_multipart_form_data_size', 'UInt64', 1073741824, 'Limit on size of multipart/form-data content. This setting cannot be parsed from URL parameters and should be set in user profile. Note that content is parsed and external tables are created in memory before start of query execution. And this is the only limit that has effect on that stage (limits on max memory usage and max execution time have no effect while reading HTTP form data).'),
  D('http_max_request_param_data_size', 'UInt64', 10485760, 'Limit on size of request data used as a query parameter in predefined HTTP requests.'),
  D('http_make_head_request', 'Bool', true, 'Allows the execution of a `HEAD` request while reading data from HTTP to retrieve information about the file to be read, such as its size'),
  D('http_connection_timeout', 'Seconds', 1, 'HTTP connection timeout.'),
  D('http_send_timeout', 'Seconds', 30, 'HTTP send timeout'),
  D('http_receive_timeout', 'Seconds', 30, 'HTTP receive timeout'),
  D('cancel_http_readonly_queries_on_client_close', 'Bool', false, 'Cancel HTTP readonly queries when a client closes the connection without waiting for response.'),
  D('replace_running_query', 'Bool', false, 'Whether the running request should be canceled with the same id as the new one.'),
  D('replace_running_query_max_wait_ms', 'Milliseconds', 5000, 'The wait time for running query with the same query_id to finish when setting \'replace_running_query\' is active.'),
  D('log_queries', 'Bool', true, 'Log requests and write the log to the system table.'),
  D('log_comment', 'String', '', 'Log comment into system.query_log table and server log. It can be set to arbitrary string no longer than max_query_size.'),
  D('use_uncompressed_cache', 'Bool', false, 'Whether to use the cache of uncompressed blocks.'),
  D('allow_experimental_analyzer', 'Bool', true, 'Allow new query analyzer.'),
  D('enable_analyzer', 'Bool', true, 'Allow new query analyzer.'),
  D('allow_introspection_functions', 'Bool', false, 'Allow functions for introspection of ELF and DWARF for query profiling. These functions are slow and may impose security considerations.'),
  D('session_timezone', 'Timezone', '', 'This setting can be removed in the future due to potential caveats. It is experimental and is not suitable for production usage. The default timezone for current session or query. The server default timezone if empty.'),
  D('function_sleep_max_microseconds_per_block', 'UInt64', 3000000, 'Maximum number of microseconds the function `sleep` is allowed to sleep for each block. If a user called it with a larger value, it throws an exception. It is a safety threshold.'),
  D('date_time_input_format', 'Enum', 'best_effort', 'Method to read DateTime from text input formats. Possible values: \'basic\', \'best_effort\' and \'best_effort_us\'.', ['basic', 'best_effort', 'best_effort_us']),
  D('date_time_output_format', 'Enum', 'simple', 'Method to write DateTime to text output. Possible values: \'simple\', \'iso\', \'unix_timestamp\'.', ['simple', 'iso', 'unix_timestamp']),
  D('bool_true_representation', 'String', 'true', 'Text to represent true value in TSV/CSV/Vertical/Pretty formats.'),
  D('bool_false_representation', 'String', 'false', 'Text to represent false value in TSV/CSV/Vertical/Pretty formats.'),
  D('output_format_json_quote_64bit_integers', 'Bool', false, 'Controls quoting of 64-bit integers in JSON output format.'),
  D('output_format_json_quote_64bit_floats', 'Bool', false, 'Controls quoting of 64-bit float numbers in JSON output format.'),
  D('output_format_json_quote_denormals', 'Bool', false, 'Enables \'+nan\', \'-nan\', \'+inf\', \'-inf\' outputs in JSON output format.'),
  D('output_format_json_quote_decimals', 'Bool', false, 'Controls quoting of decimals in JSON output format.'),
  D('output_format_json_escape_forward_slashes', 'Bool', true, 'Controls escaping forward slashes for string outputs in JSON output format. This is intended for compatibility with JavaScript. Don\'t confuse with backslashes that are always escaped.'),
  D('output_format_json_named_tuples_as_objects', 'Bool', true, 'Serialize named tuple columns as JSON objects.'),
  D('output_format_json_array_of_rows', 'Bool', false, 'Output a JSON array of all rows in JSONEachRow(Compact) format.'),
  D('output_format_json_validate_utf8', 'Bool', false, 'Validate UTF-8 sequences in JSON output formats, doesn\'t impact formats JSON/JSONCompact/JSONColumnsWithMetadata, they always validate utf8'),
  D('output_format_write_statistics', 'Bool', true, 'Write statistics about read rows, bytes, time elapsed in suitable output formats.'),
  D('output_format_pretty_max_rows', 'UInt64', 1000, 'Rows limit for Pretty formats.'),
  D('output_format_pretty_max_column_pad_width', 'UInt64', 250, 'Maximum width to pad all values in a column in Pretty formats.'),
  D('output_format_pretty_max_value_width', 'UInt64', 10000, 'Maximum width of value to display in Pretty formats. If greater - it will be cut.'),
  D('output_format_pretty_max_value_width_apply_for_single_value', 'Bool', false, 'Only cut values (see the `output_format_pretty_max_value_width` setting) when it is not a single value in a block. Otherwise output it entirely, which is useful for the `SHOW CREATE TABLE` query.'),
  D('output_format_pretty_color', 'UInt64Auto', 'auto', 'Use ANSI escape sequences in Pretty formats. 0 - disabled, 1 - enabled, \'auto\' - enabled if a terminal.'),
  D('output_format_pretty_grid_charset', 'String', 'UTF-8', 'Charset for printing grid borders. Available charsets: ASCII, UTF-8 (default one).'),
  D('output_format_pretty_row_numbers', 'Bool', true, 'Add row numbers before each row for pretty output format'),
  D('output_format_pretty_highlight_digit_groups', 'Bool', true, 'If enabled and if output is a terminal, highlight every digit corresponding to the number of thousands, millions, etc. with underline.'),
  D('output_format_pretty_single_large_number_tip_threshold', 'UInt64', 1000000, 'Print a readable number tip on the right side of the table if the block consists of a single number which exceeds this value (except 0)'),
  D('output_format_pretty_display_footer_column_names', 'UInt64', 1, 'Display column names in the footer if there are 999 or more rows.'),
  D('output_format_pretty_display_footer_column_names_min_rows', 'UInt64', 50, 'Sets the minimum threshold value of rows for which to enable displaying column names in the footer. 50 (default)'),
  D('output_format_tsv_crlf_end_of_line', 'Bool', false, 'If it is set true, end of line in TSV format will be \\r\\n instead of \\n.'),
  D('output_format_csv_crlf_end_of_line', 'Bool', false, 'If it is set true, end of line in CSV format will be \\r\\n instead of \\n.'),
  D('output_format_decimal_trailing_zeros', 'Bool', false, 'Output trailing zeros when printing Decimal values. E.g. 1.230000 instead of 1.23.'),
  D('output_format_values_escape_quote_with_quote', 'Bool', false, 'If true escape \' with \'\', otherwise quoted with \\\''),
  D('output_format_parallel_formatting', 'Bool', true, 'Enable parallel formatting for some data formats.'),
  D('format_csv_delimiter', 'Char', ',', 'The character to be considered as a delimiter in CSV data. If setting with a string, a string has to have a length of 1.'),
  D('format_csv_allow_single_quotes', 'Bool', false, 'If it is set to true, allow strings in single quotes.'),
  D('format_csv_allow_double_quotes', 'Bool', true, 'If it is set to true, allow strings in double quotes.'),
  D('format_csv_null_representation', 'String', '\\N', 'Custom NULL representation in CSV format'),
  D('format_tsv_null_representation', 'String', '\\N', 'Custom NULL representation in TSV format'),
  D('format_template_resultset', 'String', '', 'Path to file which contains format string for result set (for Template format)'),
  D('format_template_row', 'String', '', 'Path to file which contains format string for rows (for Template format)'),
  D('format_template_rows_between_delimiter', 'String', '\n', 'Delimiter between rows (for Template format)'),
  D('format_template_row_format', 'String', '', 'Format string for rows (for Template format)'),
  D('format_template_resultset_format', 'String', '', 'Format string for result set (for Template format)'),
  D('format_custom_escaping_rule', 'Enum', 'Escaped', 'Field escaping rule (for CustomSeparated format)', ['None', 'Escaped', 'Quoted', 'CSV', 'JSON', 'XML', 'Raw']),
  D('format_custom_field_delimiter', 'String', '\t', 'Delimiter between fields (for CustomSeparated format)'),
  D('format_custom_result_after_delimiter', 'String', '', 'Suffix after result set (for CustomSeparated format)'),
  D('format_custom_result_before_delimiter', 'String', '', 'Prefix before result set (for CustomSeparated format)'),
  D('format_custom_row_after_delimiter', 'String', '\n', 'Delimiter after field of the last column (for CustomSeparated format)'),
  D('format_custom_row_before_delimiter', 'String', '', 'Delimiter before field of the first column (for CustomSeparated format)'),
  D('format_custom_row_between_delimiter', 'String', '', 'Delimiter between rows (for CustomSeparated format)'),
  D('format_json_object_each_row_column_for_object_name', 'String', '', 'The name of column that will be used for storing/writing object names in [JSONObjectEachRow](/interfaces/formats/JSONObjectEachRow) format.'),
  D('output_format_json_pretty_print', 'Bool', true, 'This setting determines how nested structures such as Tuples, Maps, and Arrays are displayed within the `data` array when using the JSON output format.'),
  D('output_format_markdown_escape_special_characters', 'Bool', false, 'When enabled, escape special characters in Markdown.'),
  D('output_format_native_encode_types_in_binary_format', 'Bool', false, 'Write data types in binary format instead of type names in Native output format'),
  D('input_format_native_allow_types_conversion', 'Bool', true, 'Allow data types conversion in Native input format'),
  D('input_format_native_decode_types_in_binary_format', 'Bool', false, 'Read data types in binary format instead of type names in Native input format'),
  D('output_format_pretty_fallback_to_vertical', 'Bool', true, 'If enabled, and the table is wide but short, the Pretty format will output it as the Vertical format does.'),
  D('output_format_pretty_fallback_to_vertical_max_rows_per_chunk', 'UInt64', 10, 'The fallback to Vertical format (see `output_format_pretty_fallback_to_vertical`) will be activated only if the number of records in a chunk is not more than the specified value.'),
  D('output_format_pretty_fallback_to_vertical_min_columns', 'UInt64', 5, 'The fallback to Vertical format (see `output_format_pretty_fallback_to_vertical`) will be activated only if the number of columns is greater than the specified value.'),
  D('output_format_pretty_fallback_to_vertical_min_table_width', 'UInt64', 250, 'The fallback to Vertical format (see `output_format_pretty_fallback_to_vertical`) will be activated only if the sum of lengths of columns in a table is at least the specified value, or if at least one value contains a newline character.'),
  D('output_format_pretty_max_column_name_width_cut_to', 'UInt64', 24, 'If the column name is too long, cut it to this length.'),
  D('output_format_pretty_max_column_name_width_min_chars_to_cut', 'UInt64', 4, 'Minimum characters to cut if the column name is too long.'),
  D('output_format_pretty_multiline_fields', 'Bool', true, 'If enabled, Pretty formats will render multi-line fields inside table cell, so the table\'s outline will be preserved.'),
  D('output_format_pretty_squash_consecutive_ms', 'UInt64', 50, 'Wait for the next block for up to specified number of milliseconds and squash it to the previous before writing.'),
  D('output_format_pretty_highlight_trailing_spaces', 'Bool', true, 'If enabled and if output is a terminal, highlight trailing spaces with a gray color and underline.'),
  D('output_format_pretty_named_tuples_as_json', 'Bool', true, 'Controls whether named tuples in Pretty format are output as pretty-printed JSON objects.'),
  D('input_format_json_validate_types_from_metadata', 'Bool', true, 'For JSON/JSONCompact/JSONColumnsWithMetadata input formats, if this setting is set to 1, the types from metadata in input data will be compared with the types of the corresponding columns from the table.'),
  D('input_format_null_as_default', 'Bool', true, 'Initialize null fields with default values if the data type of this field is not nullable and it is supported by the input format'),
  D('input_format_defaults_for_omitted_fields', 'Bool', true, 'For input data calculate default expressions for omitted fields (it works for JSONEachRow, -WithNames, -WithNamesAndTypes formats).'),
  D('input_format_skip_unknown_fields', 'Bool', true, 'Skip columns with unknown names from input data (it works for JSONEachRow, -WithNames, -WithNamesAndTypes and TSKV formats).'),
  D('input_format_with_names_use_header', 'Bool', true, 'For -WithNames input formats this controls whether format parser is to assume that column data appear in the input exactly as they are specified in the header.'),
  D('input_format_with_types_use_header', 'Bool', true, 'For -WithNamesAndTypes input formats this controls whether format parser should check if data types from the input match data types from the header.'),
  D('input_format_allow_errors_num', 'UInt64', 0, 'Maximum absolute amount of errors while reading text formats (like CSV, TSV). In case of error, if at least absolute or relative amount of errors is lower than corresponding value, will skip until next line and continue.'),
  D('input_format_allow_errors_ratio', 'Float', 0, 'Maximum relative amount of errors while reading text formats (like CSV, TSV). In case of error, if at least absolute or relative amount of errors is lower than corresponding value, will skip until next line and continue.'),
  D('input_format_values_interpret_expressions', 'Bool', true, 'For Values format: if the field could not be parsed by streaming parser, run SQL parser and try to interpret it as SQL expression.'),
  D('input_format_values_deduce_templates_of_expressions', 'Bool', true, 'For Values format: if the field could not be parsed by streaming parser, run SQL parser, deduce template of the SQL expression, try to parse all rows using template and then interpret expression for all rows.'),
  D('input_format_values_accurate_types_of_literals', 'Bool', true, 'For Values format: when parsing and interpreting expressions using template, check actual type of literal to avoid possible overflow and precision issues.'),
  D('input_format_tsv_empty_as_default', 'Bool', false, 'Treat empty fields in TSV input as default values.'),
  D('input_format_csv_empty_as_default', 'Bool', true, 'Treat empty fields in CSV input as default values.'),
  D('input_format_tsv_skip_first_lines', 'UInt64', 0, 'Skip specified number of lines at the beginning of data in TSV format'),
  D('input_format_csv_skip_first_lines', 'UInt64', 0, 'Skip specified number of lines at the beginning of data in CSV format'),
  D('input_format_parallel_parsing', 'Bool', true, 'Enable parallel parsing for some data formats.'),
  D('input_format_import_nested_json', 'Bool', false, 'Map nested JSON data to nested tables (it works for JSONEachRow format).'),
  D('input_format_json_read_numbers_as_strings', 'Bool', true, 'Allow to parse numbers as strings in JSON input formats'),
  D('input_format_json_read_bools_as_numbers', 'Bool', true, 'Allow to parse bools as numbers in JSON input formats'),
  D('input_format_json_ignore_unknown_keys_in_named_tuple', 'Bool', true, 'Ignore unknown keys in json object for named tuples'),
  D('input_format_tsv_use_best_effort_in_schema_inference', 'Bool', true, 'Use some tweaks and heuristics to infer schema in TSV format'),
  D('async_insert', 'Bool', true, 'If true, data from INSERT query is stored in queue and later flushed to table in background. If wait_for_async_insert is false, INSERT query is processed almost instantly, otherwise client will wait until data will be flushed to table'),
  D('wait_for_async_insert', 'Bool', true, 'If true wait for processing of asynchronous insertion'),
  D('insert_deduplicate', 'Bool', true, 'For INSERT queries in the replicated table, specifies that deduplication of inserting blocks should be performed'),
  D('max_insert_threads', 'UInt64', 0, 'The maximum number of threads to execute the INSERT SELECT query. Values 0 or 1 means that INSERT SELECT is not run in parallel. Higher values will lead to higher memory usage. Parallel INSERT SELECT has effect only if the SELECT part is run on parallel, see \'max_threads\' setting.'),
  D('max_partitions_per_insert_block', 'UInt64', 100, 'Limit maximum number of partitions in the single INSERTed block. Zero means unlimited. Throw an exception if the block contains too many partitions. This setting is a safety threshold because using a large number of partitions is a common misconception.'),
  D('interactive_delay', 'UInt64', 100000, 'The interval in microseconds to check if the request is cancelled, and to send progress info.'),
  D('connect_timeout', 'Seconds', 10, 'Connection timeout if there are no replicas.'),
  D('receive_timeout', 'Seconds', 300, 'Timeout for receiving data from the network, in seconds. If no bytes were received in this interval, the exception is thrown. If you set this setting on the client, the \'send_timeout\' for the socket will also be set on the corresponding connection end on the server.'),
  D('send_timeout', 'Seconds', 300, 'Timeout for sending data to the network, in seconds. If a client needs to send some data but is not able to send any bytes in this interval, the exception is thrown. If you set this setting on the client, the \'receive_timeout\' for the socket will also be set on the corresponding connection end on the server.'),
  D('load_balancing', 'Enum', 'random', 'Which replicas (among healthy replicas) to preferably send a query to (on the first attempt) in case of distributed processing.', ['random', 'nearest_hostname', 'hostname_levenshtein_distance', 'in_order', 'first_or_random', 'round_robin']),
  D('totals_mode', 'Enum', 'after_having_exclusive', 'How to calculate TOTALS when HAVING is present, as well as when max_rows_to_group_by and group_by_overflow_mode = \'any\' are present.', ['before_having', 'after_having_exclusive', 'after_having_inclusive', 'after_having_auto']),
  D('join_use_nulls', 'Bool', false, 'Use NULLs for non-joined rows of outer JOINs for types that can be inside Nullable. If false, use default value of corresponding columns data type.'),
  D('joined_subquery_requires_alias', 'Bool', true, 'Force joined subqueries and table functions to have aliases for correct name qualification.'),
  D('aggregate_functions_null_for_empty', 'Bool', false, 'Rewrite all aggregate functions in a query, adding -OrNull suffix to them'),
  D('cast_keep_nullable', 'Bool', false, 'CAST operator keep Nullable for result data type'),
  D('data_type_default_nullable', 'Bool', false, 'Data types without NULL or NOT NULL will make Nullable'),
  D('prefer_column_name_to_alias', 'Bool', false, 'Prefer using column names instead of aliases if possible.'),
  D('mutations_sync', 'UInt64', 1, 'Wait for synchronous execution of ALTER TABLE UPDATE/DELETE queries (mutations). 0 - execute asynchronously. 1 - wait current server. 2 - wait all replicas if they exist.'),
  D('optimize_throw_if_noop', 'Bool', false, 'If setting is enabled and OPTIMIZE query didn\'t actually assign a merge then an explanatory exception is thrown'),
  D('dialect', 'Enum', 'clickhouse', 'Which dialect will be used to parse query', ['clickhouse', 'kusto', 'prql']),
  D('max_concurrent_queries_for_user', 'UInt64', 0, 'The maximum number of concurrent requests per user.'),
  D('max_network_bandwidth', 'UInt64', 0, 'The maximum speed of data exchange over the network in bytes per second for a query. Zero means unlimited.'),
  D('skip_unavailable_shards', 'Bool', false, 'If true, ClickHouse silently skips unavailable shards. Shard is marked as unavailable when: 1) The shard cannot be reached due to a connection failure. 2) Shard is unresolvable through DNS. 3) Table does not exist on the shard.'),
  D('precise_float_parsing', 'Bool', true, 'Prefer more precise (but slower) float parsing algorithm'),
  D('date_time_overflow_behavior', 'Enum', 'ignore', 'Overflow mode for Date, Date32, DateTime, DateTime64 types. Possible values: \'ignore\', \'throw\', \'saturate\'.', ['ignore', 'throw', 'saturate']),
  D('query_cache_ttl', 'Seconds', 60, 'After this time in seconds entries in the query cache become stale'),
  D('use_query_cache', 'Bool', false, 'Enable the query cache'),
  D('enable_reads_from_query_cache', 'Bool', true, 'If turned on, results of SELECT queries are retrieved from the query cache.'),
  D('enable_writes_to_query_cache', 'Bool', true, 'If turned on, results of SELECT queries are stored in the query cache.'),
  D('query_cache_nondeterministic_function_handling', 'Enum', 'throw', 'Controls how the query cache handles SELECT queries with non-deterministic functions like rand() or now().', ['throw', 'save', 'ignore']),
  D('query_cache_system_table_handling', 'Enum', 'throw', 'Controls how the query cache handles SELECT queries against system tables, i.e. tables in databases system.* and information_schema.*.', ['throw', 'save', 'ignore']),
  D('max_bytes_before_external_group_by', 'UInt64', 0, 'If memory usage during GROUP BY operation is exceeding this threshold in bytes, activate the \'external aggregation\' mode (spill data to disk). Recommended value is half of available system memory.'),
  D('max_bytes_before_external_sort', 'UInt64', 0, 'If memory usage during ORDER BY operation is exceeding this threshold in bytes, activate the \'external sorting\' mode (spill data to disk). Recommended value is half of available system memory.'),
  D('profile', 'String', 'default', 'Settings profile.'),
];

const BY_NAME = new Map<string, SettingDef>(SETTINGS.map((s) => [s.name, s]));

/** Setting names are case-sensitive in ClickHouse. */
export function findSetting(name: string): SettingDef | undefined {
  return BY_NAME.get(name);
}

function unknownSetting(name: string): EngineError {
  return new EngineError('UNKNOWN_SETTING', `Unknown setting '${name}'`);
}

const SIZE_SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

function parseUInt(text: string): number {
  const m = /^([+]?[0-9]+)(k|K|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(text);
  if (!m) throw assertionFailed(text);
  const v = Number(m[1]) * (m[2] ? SIZE_SUFFIX[m[2]]! : 1);
  return v;
}

function assertionFailed(text: string): EngineError {
  const rest = text.replace(/^[+-]?[0-9]*/, '');
  return new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', `Cannot parse input: expected 'eof' before: '${rest === '' ? text : rest}'`);
}

/** Parse a setting's text (URL parameter, SET, SETTINGS clause) into its typed value. */
export function parseSettingValue(def: SettingDef, text: string): unknown {
  switch (def.type) {
    case 'UInt64':
    case 'Milliseconds':
      if (text.startsWith('-')) {
        throw new EngineError('CANNOT_PARSE_NUMBER', "Unsigned type must not contain '-' symbol");
      }
      return parseUInt(text);
    case 'Int64': {
      const m = /^[+-]?[0-9]+$/.exec(text);
      if (!m) throw assertionFailed(text);
      return Number(text);
    }
    case 'Float': {
      if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(text)) throw assertionFailed(text);
      return Number(text);
    }
    case 'Seconds': {
      if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(text)) throw assertionFailed(text);
      const v = Number(text);
      if (v < 0) {
        throw new EngineError('CANNOT_PARSE_NUMBER', `A setting's value in seconds must be a positive normal floating point number. Got ${text}`);
      }
      return v;
    }
    case 'Bool': {
      if (text === '0' || text.toLowerCase() === 'false') return false;
      if (text === '1' || text.toLowerCase() === 'true') return true;
      throw new EngineError('CANNOT_PARSE_BOOL', `Cannot parse bool from string '${text}'`);
    }
    case 'MaxThreads':
      if (text.startsWith('auto')) return 0;
      return parseUInt(text);
    case 'UInt64Auto':
      if (text === 'auto') return 'auto';
      return String(parseUInt(text));
    case 'Char':
      if (text.length > 1) {
        throw new EngineError('SIZE_OF_FIXED_STRING_DOESNT_MATCH', "A setting's value string has to be an exactly one character long");
      }
      return text;
    case 'Timezone':
      if (text !== '' && !isValidTimezone(text)) throw new EngineError('BAD_ARGUMENTS', `Invalid time zone: ${text}`);
      return text;
    case 'OverflowMode':
    case 'Enum': {
      const lower = text.toLowerCase();
      const values = def.values ?? [];
      const found = values.find((v) => v === lower || v === text);
      if (found === undefined) {
        throw new EngineError('BAD_ARGUMENTS', `Unexpected value of ${enumTypeName(def)}: '${text}'`);
      }
      return found;
    }
    case 'String':
      return text;
  }
}

function enumTypeName(def: SettingDef): string {
  if (def.type === 'OverflowMode') return 'OverflowMode';
  return def.name.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The text ClickHouse shows for a value (system.settings `value`). */
export function settingValueText(def: SettingDef, value: unknown): string {
  switch (def.type) {
    case 'Bool': return value ? '1' : '0';
    case 'MaxThreads': return value === 0 ? `'auto(${maxThreadsAuto()})'` : String(value);
    default: return String(value);
  }
}

function maxThreadsAuto(): number {
  return 2;
}

function sameValue(def: SettingDef, a: unknown, b: unknown): boolean {
  if (def.type !== 'MaxThreads') return a === b;
  const effective = (v: unknown): unknown => (v === 0 ? maxThreadsAuto() : v);
  return effective(a) === effective(b);
}

/**
 * Settings of one query or session: defaults plus changes. `readonly` is
 * enforced here because ClickHouse checks it when a setting is changed.
 */
const NO_DEFAULTS: ReadonlyMap<string, unknown> = new Map();

/** Parses replacement defaults given as text (see Settings' constructor). */
export function parseSettingDefaults(texts: Readonly<Record<string, string>>): ReadonlyMap<string, unknown> {
  const parsed = new Map<string, unknown>();
  for (const [name, text] of Object.entries(texts)) {
    const def = findSetting(name);
    if (!def) throw unknownSetting(name);
    parsed.set(def.name, parseSettingValue(def, text));
  }
  return parsed;
}

export class Settings implements SettingsView {
  private values = new Map<string, unknown>();
  private readonly defaults: ReadonlyMap<string, unknown>;

  /** `defaults`: values that replace the registry's defaults (an emulated version's), already parsed. */
  constructor(defaults: ReadonlyMap<string, unknown> = NO_DEFAULTS) {
    this.defaults = defaults;
  }

  get(name: string): unknown {
    const def = findSetting(name);
    if (!def) throw unknownSetting(name);
    return this.values.has(def.name) ? this.values.get(def.name) : this.defaultOf(def);
  }

  /** The setting's default in this server's version. */
  defaultOf(def: SettingDef): unknown {
    return this.defaults.has(def.name) ? this.defaults.get(def.name) : def.default;
  }

  getNumber(name: string): number {
    return Number(this.get(name));
  }

  changed(name: string): boolean {
    const def = findSetting(name);
    return def !== undefined && this.values.has(def.name);
  }

  /**
   * Change a setting from its text. Checks readonly the way ClickHouse's
   * SettingsConstraints do: readonly=1 forbids every change, and readonly
   * itself may not be changed (other than to its current value) once non-zero.
   */
  set(name: string, text: string): void {
    const def = findSetting(name);
    if (!def) throw unknownSetting(name);
    const value = parseSettingValue(def, text);
    this.checkChange(def, value);
    this.values.set(def.name, value);
  }

  /** Set without readonly checks (server configuration, profiles). */
  setUnchecked(name: string, text: string): void {
    const def = findSetting(name);
    if (!def) throw unknownSetting(name);
    this.values.set(def.name, parseSettingValue(def, text));
  }

  /**
   * Whether `text` is the value the setting has now: SettingsConstraints
   * neither checks nor applies such a change. auto(N) equals N.
   */
  isCurrent(name: string, text: string): boolean {
    const def = findSetting(name);
    if (!def) throw unknownSetting(name);
    return sameValue(def, parseSettingValue(def, text), this.get(def.name));
  }

  private checkChange(def: SettingDef, value: unknown): void {
    const readonly = this.getNumber('readonly');
    if (readonly === 0) return;
    if (sameValue(def, value, this.get(def.name))) return;
    if (def.name === 'readonly') throw new EngineError('READONLY', "Cannot modify 'readonly' setting in readonly mode");
    if (readonly === 1) throw new EngineError('READONLY', `Cannot modify '${def.name}' setting in readonly mode`);
  }

  clone(): Settings {
    const s = new Settings(this.defaults);
    for (const [k, v] of this.values) s.values.set(k, v);
    return s;
  }

  /** Every known setting with its current value, for system.settings. */
  *entries(): IterableIterator<{ def: SettingDef; value: unknown; changed: boolean }> {
    for (const def of SETTINGS) {
      const changed = this.values.has(def.name);
      yield { def, value: changed ? this.values.get(def.name) : this.defaultOf(def), changed };
    }
  }

  [Symbol.iterator](): IterableIterator<{ def: SettingDef; value: unknown; changed: boolean }> {
    return this.entries();
  }
}
