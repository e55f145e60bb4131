// External data: temporary tables sent as multipart/form-data parts, the way
// `curl -F 'name=@file'` sends them. Parts with a file name become tables;
// parts without one are plain form fields.

import { When } from '@cucumber/cucumber';
import { FormData } from 'undici';
import type { DataTable } from '@cucumber/cucumber';
import type { OlapWorld } from './support/world.ts';

// | name | file name | content |: an empty file name makes a plain field. Content takes \n, \t and \xNN escapes.
When('I POST to {string} the form:', async function (this: OlapWorld, path: string, table: DataTable) {
  const form = new FormData();
  for (const row of table.hashes()) {
    const name = this.resolve(row.name ?? '');
    const content = this.bytes(row.content ?? '');
    const fileName = row['file name'] ?? '';
    if (fileName) form.append(name, new Blob([new Uint8Array(content)]), fileName);
    else form.append(name, content.toString('utf8'));
  }
  await this.send('POST', path, form);
});
