// mysql_native_password, checked the way the FE's MysqlPassword.checkScramble
// does: the client proves it knows SHA1(password) without sending it.

import { createHash, timingSafeEqual } from 'node:crypto';

const sha1 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** True when `token` answers `scramble` for `password` (an empty password expects an empty token). */
export function checkNativePassword(password: string, scramble: Buffer, token: Buffer): boolean {
  if (password === '') return token.length === 0;
  if (token.length !== 20) return false;
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const stage2 = sha1(stage1);
  const mask = sha1(scramble, stage2);
  const candidate = Buffer.alloc(20);
  for (let i = 0; i < 20; i++) candidate[i] = token[i]! ^ mask[i]!;
  return timingSafeEqual(sha1(candidate), stage2);
}
