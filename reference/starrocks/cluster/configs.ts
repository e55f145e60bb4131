// FE configs (Config.java @ConfField) and BE configs (config.h CONF_*):
// their types, defaults and whether they can change at runtime. Values that
// drive the emulation (label retention, timeouts, load limits) are read from
// here, so `_set_config` / `update_config` really change behaviour.

export type ConfigType = 'int' | 'long' | 'double' | 'boolean' | 'String' | 'String[]';

export interface ConfigDef {
  type: ConfigType;
  value: string;
  mutable: boolean;
}

function def(type: ConfigType, value: string | number | boolean, mutable = true): ConfigDef {
  return { type, value: String(value), mutable };
}

function feDefaults(): Record<string, ConfigDef> {
  return {
    label_keep_max_second: def('long', 259200),
    label_keep_max_num: def('int', 1000),
    label_clean_interval_second: def('int', 14400, false),
    stream_load_default_timeout_second: def('int', 600),
    max_stream_load_timeout_second: def('int', 259200),
    max_load_timeout_second: def('int', 259200),
    min_load_timeout_second: def('int', 1),
    prepared_transaction_default_timeout_second: def('int', 86400),
    enable_collect_query_detail_info: def('boolean', false),
    edit_log_roll_num: def('int', 50000),
    enable_metric_calculator: def('boolean', true, false),
    max_running_txn_num_per_db: def('int', 1000),
    tablet_sched_max_scheduling_tablets: def('int', 10000),
    tablet_sched_slot_num_per_path: def('int', 8),
    dynamic_partition_enable: def('boolean', true),
    enable_statistic_collect: def('boolean', true),
    slow_lock_threshold_ms: def('long', 3000),
    qe_slow_log_ms: def('long', 5000),
    sys_log_level: def('String', 'INFO', false),
    http_port: def('int', 8030, false),
    query_port: def('int', 9030, false),
    rpc_port: def('int', 9020, false),
    edit_log_port: def('int', 9010, false),
    meta_dir: def('String', '/opt/starrocks/fe/meta', false),
    cluster_name: def('String', 'StarRocks Cluster', false),
    audit_log_dir: def('String', '/opt/starrocks/fe/log', false),
    small_file_dir: def('String', '/opt/starrocks/fe/small_files', false),
    audit_log_modules: def('String[]', 'slow_query, query', false),
    enable_udf: def('boolean', false, false),
    max_routine_load_task_num_per_be: def('int', 16),
    catalog_trash_expire_second: def('long', 86400),
    enable_strict_storage_medium_check: def('boolean', false),
  };
}

function beDefaults(): Record<string, ConfigDef> {
  return {
    be_port: def('int', 9060, false),
    be_http_port: def('int', 8040, false),
    brpc_port: def('int', 8060, false),
    heartbeat_service_port: def('int', 9050, false),
    be_http_num_workers: def('int', 48, false),
    storage_root_path: def('String', '/opt/starrocks/be/storage', false),
    sys_log_dir: def('String', '/opt/starrocks/be/log', false),
    sys_log_level: def('String', 'INFO'),
    streaming_load_max_mb: def('long', 102400),
    streaming_load_max_batch_size_mb: def('long', 100),
    streaming_load_rpc_max_alive_time_sec: def('int', 1200),
    stream_load_default_timeout_second: def('int', 600),
    load_error_log_reserve_hours: def('int', 48),
    enable_stream_load_verbose_log: def('boolean', false),
    enable_http_stream_load_limit: def('boolean', false),
    enable_token_check: def('boolean', true),
    txn_commit_rpc_timeout_ms: def('int', 60000),
    tablet_max_versions: def('int', 1000),
    max_compaction_concurrency: def('int', -1),
    cumulative_compaction_num_threads_per_disk: def('int', 1),
    base_compaction_num_threads_per_disk: def('int', 1),
    base_compaction_check_interval_seconds: def('long', 60),
    min_cumulative_compaction_num_singleton_deltas: def('long', 5),
    max_cumulative_compaction_num_singleton_deltas: def('long', 1000),
    update_compaction_check_interval_seconds: def('long', 10),
    enable_event_based_compaction_framework: def('boolean', true),
    mem_limit: def('String', '90%', false),
    query_cache_capacity: def('long', 536870912),
    disable_storage_page_cache: def('boolean', false),
    storage_page_cache_limit: def('String', '20%'),
    trash_file_expire_time_sec: def('long', 86400),
    pipeline_exec_thread_pool_thread_num: def('int', 0, false),
    enable_http_auth: def('boolean', false),
    dump_metrics_with_bvar: def('boolean', true),
    enable_collect_table_metrics: def('boolean', true),
    pprof_profile_dir: def('String', '/opt/starrocks/be/log', false),
  };
}

export class ConfigStore {
  readonly defs: Record<string, ConfigDef>;

  constructor(defs: Record<string, ConfigDef>, overrides: Record<string, string | number | boolean> = {}) {
    this.defs = defs;
    for (const [k, v] of Object.entries(overrides)) if (this.defs[k]) this.defs[k]!.value = String(v);
  }

  static fe(overrides?: Record<string, string | number | boolean>): ConfigStore {
    return new ConfigStore(feDefaults(), overrides);
  }

  static be(overrides?: Record<string, string | number | boolean>): ConfigStore {
    return new ConfigStore(beDefaults(), overrides);
  }

  get(name: string): string {
    const d = this.defs[name];
    if (!d) throw new Error(`unknown config ${name}`);
    return d.value;
  }

  num(name: string): number {
    return Number(this.get(name));
  }

  bool(name: string): boolean {
    return this.get(name) === 'true';
  }

  /** Names in sorted order (the BE's config map is a std::map). */
  names(): string[] {
    return Object.keys(this.defs).sort();
  }
}

/** ConfigBase.setConfigField: the value parsed as Java would, or an error. */
export function parseJavaValue(type: ConfigType, text: string): string | undefined {
  switch (type) {
    case 'int':
    case 'long': {
      if (!/^[+-]?\d+$/.test(text.trim())) return undefined;
      const n = BigInt(text.trim());
      const max = type === 'int' ? 2n ** 31n : 2n ** 63n;
      return n >= -max && n < max ? n.toString() : undefined;
    }
    case 'double': {
      const n = Number(text);
      return text.trim() !== '' && !Number.isNaN(n) ? String(n) : undefined;
    }
    case 'boolean':
      // Boolean.parseBoolean: anything but "true" (any case) is false.
      return text.toLowerCase() === 'true' ? 'true' : 'false';
    default:
      return text;
  }
}

const BE_TYPE_NAMES: Record<ConfigType, string> = { int: 'int32_t', long: 'int64_t', double: 'double', boolean: 'bool', String: 'std::string', 'String[]': 'std::vector<std::string>' };

/** configbase.cpp convert: the BE's value for `text`, or the failure message. */
export function parseBeValue(type: ConfigType, text: string): { value: string } | { error: string } {
  const fail = { error: `convert '${text}' as ${BE_TYPE_NAMES[type]} failed` };
  switch (type) {
    case 'int':
    case 'long': {
      if (!/^[+-]?\d+$/.test(text)) return fail;
      const n = BigInt(text);
      const max = type === 'int' ? 2n ** 31n : 2n ** 63n;
      return n >= -max && n < max ? { value: n.toString() } : fail;
    }
    case 'double':
      return text !== '' && !Number.isNaN(Number(text)) ? { value: String(Number(text)) } : fail;
    case 'boolean': {
      const l = text.toLowerCase();
      if (l === 'true' || l === '1') return { value: 'true' };
      if (l === 'false' || l === '0') return { value: 'false' };
      return fail;
    }
    default:
      return { value: text };
  }
}
