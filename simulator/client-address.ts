/**
 * The Python server sends `str(websocket.remote_address)`: a tuple repr, `('127.0.0.1', 53678)` for IPv4 and
 * `('::1', 53678, 0, 0)` for IPv6 (the document's sample). Clients only display it, so only the look matters.
 */
export const pythonAddress = (address: string | undefined, port: number | undefined): string => {
  const host = address ?? 'unknown';
  // Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d; the plain form reads better.
  const plain = host.startsWith('::ffff:') && host.includes('.') ? host.slice('::ffff:'.length) : host;
  const portText = String(port ?? 0);
  return plain.includes(':') ? `('${plain}', ${portText}, 0, 0)` : `('${plain}', ${portText})`;
};
