// ClickHouse's override files (ConfigProcessor::getConfigMergeFiles and
// mergeRecursive): next to /dir/config.xml, every .xml, .conf, .yaml and .yml
// file in /dir/config.d/ and /dir/conf.d/ (users.xml: users.d/ and conf.d/),
// in the order of their full paths, is merged into the main file. An element
// of an override merges into the first not yet matched element of the same
// name at the same level, a leaf's text replaces the text, and an element
// without a match is appended. Attributes are not read here, so
// replace="replace" and remove="remove" are not supported.

import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { orderedEntries, orderedObject, readConfigTree } from './config-tree.ts';
import type { ConfigObject, ConfigValue } from './config-tree.ts';

const MERGE_EXTENSIONS = new Set(['.xml', '.conf', '.yaml', '.yml']);

/** The override files of a config file, in the order ClickHouse merges them. */
export function configMergeFiles(path: string): string[] {
  const stem = basename(path, extname(path));
  const dirs = new Set([join(dirname(path), `${stem}.d`), join(dirname(path), 'conf.d')]);
  const files: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith('.') || !MERGE_EXTENSIONS.has(extname(entry.name))) continue;
      files.push(join(dir, entry.name));
    }
  }
  return files.sort();
}

function isSection(v: ConfigValue): v is ConfigObject {
  return typeof v === 'object' && !Array.isArray(v);
}

/** `over` merged into `base`; neither is changed. */
export function mergeConfigTrees(base: ConfigObject, over: ConfigObject): ConfigObject {
  const merged = orderedEntries(base).map(([name, value]): [string, ConfigValue] => [name, value]);
  const matched = new Set<number>();
  for (const [name, value] of orderedEntries(over)) {
    const at = merged.findIndex(([n], i) => n === name && !matched.has(i));
    if (at < 0) {
      merged.push([name, value]);
      continue;
    }
    matched.add(at);
    const current = merged[at]![1];
    merged[at] = [name, isSection(current) && isSection(value) ? mergeConfigTrees(current, value) : value];
  }
  return orderedObject(merged);
}

/** A config file with its config.d/conf.d overrides merged in. */
export function readMergedConfigTree(path: string): ConfigObject {
  let tree = readConfigTree(path);
  for (const file of configMergeFiles(path)) tree = mergeConfigTrees(tree, readConfigTree(file));
  return tree;
}
