// A data directory that cannot be used (held by another server, a damaged
// file): the server does not start, and says why in one line.

export class DataDirError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataDirError';
  }
}
