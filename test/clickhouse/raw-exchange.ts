// Some answers only show on the wire (HTTP/1.0 status lines, repeated header
// lines, chunk framing): this sends a request as written and returns every
// byte of the reply, read until the server closes the connection.

import net from 'node:net';

export function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => { data += d.toString('latin1'); });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}
