// Reason phrases as Poco::Net::HTTPResponse spells them (e.g. `Request Time-out`).

const REASONS: Record<number, string> = {
  100: 'Continue', 200: 'OK', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  408: 'Request Time-out', 411: 'Length Required', 413: 'Request Entity Too Large', 414: 'Request-URI Too Large',
  415: 'Unsupported Media Type', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
  // The rest of Poco's table: a static handler rule may answer with any status.
  101: 'Switching Protocols', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 205: 'Reset Content',
  206: 'Partial Content', 300: 'Multiple Choices', 303: 'See Other', 305: 'Use Proxy', 307: 'Temporary Redirect',
  402: 'Payment Required', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 409: 'Conflict', 410: 'Gone',
  412: 'Precondition Failed', 416: 'Requested Range Not Satisfiable', 417: 'Expectation Failed', 502: 'Bad Gateway',
  504: 'Gateway Time-out', 505: 'HTTP Version Not Supported',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Unknown';
}
