// Writes the suite's server configuration (config/config.xml,
// config/users.xml, the user files of config/user_files/ and the format files
// of config/format_schemas/, ClickHouse's own shape) into a target's directory, with
// the run's directory, ports and certificate filled in, and optionally one of
// config/variants/ as a config.d override. Both started targets use it: the
// real clickhouse-server and the reference.

import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSelfSignedCertificate } from './self_signed_cert.ts';

const TEMPLATES = fileURLToPath(new URL('./config/', import.meta.url));

export interface TargetPorts {
  httpPort: number;
  tcpPort: number;
  httpsPort: number;
}

/** Replaces every `{{name}}`; a placeholder without a value is a mistake in the template. */
export function renderTemplate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{([a-z_]+)\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the configuration template names {{${name}}}, which has no value`);
    return String(value);
  });
}

/** Writes config.xml, users.xml, the certificate and the directories the server uses; returns config.xml's path. */
export async function writeTargetConfig(dir: string, ports: TargetPorts, variant?: string): Promise<string> {
  for (const sub of ['data', 'tmp', 'user_files', 'format_schemas', 'log']) await mkdir(join(dir, sub), { recursive: true });
  await writeSelfSignedCertificate(dir);
  const template = await readFile(join(TEMPLATES, 'config.xml'), 'utf8');
  const configFile = join(dir, 'config.xml');
  await writeFile(configFile, renderTemplate(template, {
    dir,
    http_port: ports.httpPort,
    tcp_port: ports.tcpPort,
    https_port: ports.httpsPort,
  }));
  // users.xml has no placeholders; config.xml names it relative to itself.
  await copyFile(join(TEMPLATES, 'users.xml'), join(dir, 'users.xml'));
  // The files static handler rules serve with file:// (the server's user_files_path).
  for (const name of await readdir(join(TEMPLATES, 'user_files'))) {
    await copyFile(join(TEMPLATES, 'user_files', name), join(dir, 'user_files', name));
  }
  // The Template format's files (the server's format_schema_path).
  for (const name of await readdir(join(TEMPLATES, 'format_schemas'))) {
    await copyFile(join(TEMPLATES, 'format_schemas', name), join(dir, 'format_schemas', name));
  }
  // A variant goes where ClickHouse looks for overrides of config.xml, so the server itself merges it.
  if (variant !== undefined) {
    if (!/^[a-z0-9_-]+$/.test(variant)) throw new Error(`'${variant}' is not a configuration variant name`);
    await mkdir(join(dir, 'config.d'), { recursive: true });
    await copyFile(join(TEMPLATES, 'variants', `${variant}.xml`), join(dir, 'config.d', `${variant}.xml`));
  }
  return configFile;
}
