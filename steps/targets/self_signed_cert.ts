// A throwaway certificate for a target's HTTPS port, made with the openssl
// command line: valid for two days, for localhost and 127.0.0.1 only.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CertificateFiles {
  certificateFile: string;
  privateKeyFile: string;
}

export async function writeSelfSignedCertificate(dir: string, openssl = 'openssl'): Promise<CertificateFiles> {
  const files = { certificateFile: join(dir, 'server.crt'), privateKeyFile: join(dir, 'server.key') };
  try {
    // RSA rather than EC: the OpenSSL setup of old servers (Poco 1.8 in 18.16) handles it without extra parameters.
    await run(openssl, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', files.privateKeyFile, '-out', files.certificateFile], { timeout: 30_000 });
  } catch (err) {
    throw new Error(`could not make a self-signed certificate with ${openssl}: ${(err as Error).message}`);
  }
  return files;
}
