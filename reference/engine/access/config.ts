// The access configuration a server hands the engine, in the shape of
// ClickHouse's users.xml (users, roles, profiles, quotas). The server parses its
// XML/YAML file into this; names are the users.xml element names in camelCase.

export interface AccessConfig {
  users: Record<string, UserConfig>;
  /** <roles>: roles defined in the file, with their grants. */
  roles?: Record<string, RoleConfig>;
  /** Settings profiles; `default` is applied to users that name none. */
  profiles?: Record<string, ProfileConfig>;
  /** Quotas; each interval's limits (queries, errors, result_rows, read_rows, execution_time) per user or per quota key. */
  quotas?: Record<string, QuotaConfig>;
}

export interface RoleConfig {
  /** <grants><query>GRANT ... ON ...</query> or GRANT other_role</grants>, without the TO clause. */
  grants?: string[];
}

export interface QuotaConfig {
  /** <keyed/> or <keyed_by_ip/>: counted per quota key (or client address) instead of per user. */
  keyed?: boolean;
  keyedByIp?: boolean;
  intervals?: QuotaInterval[];
}

export interface QuotaInterval {
  /** Seconds. */
  duration: number;
  /** 0 means no limit, as in users.xml. */
  queries?: number;
  errors?: number;
  resultRows?: number;
  readRows?: number;
  executionTime?: number;
}

export interface UserConfig {
  /** <password>: plain text. */
  password?: string;
  /** <password_sha256_hex> */
  passwordSha256Hex?: string;
  /** <password_double_sha1_hex> */
  passwordDoubleSha1Hex?: string;
  /** <no_password/>: any password is accepted. */
  noPassword?: boolean;
  /** <networks>: <ip> entries (addresses or CIDR), <host> names, <host_regexp>. Absent means anywhere. */
  networks?: { ip?: string[]; host?: string[]; hostRegexp?: string[] };
  /** <profile>, default `default`. */
  profile?: string;
  /** <quota> */
  quota?: string;
  /** <default_database> */
  defaultDatabase?: string;
  /** <access_management>1</access_management>: may run CREATE USER/ROLE, GRANT. */
  accessManagement?: boolean;
  /** <grants><query>GRANT ... ON ...</query> or GRANT role</grants>, without the TO clause. Absent means all privileges. */
  grants?: string[];
  /** <allow_databases>: all privileges, but only on these databases. */
  allowDatabases?: string[];
}

export interface ProfileConfig {
  /** Setting name → value text. `readonly` is one of them. */
  settings?: Record<string, string | number | boolean>;
  /** Profiles this one inherits (<profile> inside a profile), applied first. */
  profiles?: string[];
}

/**
 * What a server without an access configuration gets: the stock `default`
 * user (empty password, anywhere, profile `default`) with every privilege,
 * access management included so SQL-driven users and roles work out of the box.
 */
export function defaultAccessConfig(): AccessConfig {
  return {
    users: { default: { password: '', networks: { ip: ['::/0'] }, profile: 'default', quota: 'default', accessManagement: true } },
    profiles: { default: {}, readonly: { settings: { readonly: '1' } } },
    quotas: { default: {} },
  };
}
