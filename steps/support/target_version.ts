import { basicAuth, sendHttp } from './http.ts';

/** The target's version as `SELECT version()` reports it. */
export async function detectVersion(url: string, user: string, password: string): Promise<string> {
  const res = await sendHttp(url, {
    method: 'POST',
    path: '/',
    headers: basicAuth(user, password),
    body: Buffer.from('SELECT version()'),
  });
  const text = res.body.toString('utf8');
  if (res.status !== 200) throw new Error(`SELECT version() failed on ${url}: ${res.status} ${text.trim()}`);
  return text.trim();
}
