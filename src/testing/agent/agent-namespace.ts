/** The Socket.IO namespaces of named agents (`agentNamespace` in the protocol builds them). */
export const agentNamespacePattern = /^\/agents\/([^/]+)\/chat\/stream$/;

/** The agent a namespace belongs to: `default` for any other namespace, the raw name if it is not valid encoding. */
export function agentIdOfNamespace(namespace: string): string {
  const encoded = agentNamespacePattern.exec(namespace)?.[1];
  if (encoded === undefined) return 'default';
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
