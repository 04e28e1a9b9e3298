/** Which connections receive a thread's live events, keyed by (agentId, threadId); the root alias shares agent `default`. */
export function createThreadMembership<Connection>() {
  const membersByThread = new Map<string, Set<Connection>>();
  const keyOf = (agentId: string, threadId: string) => JSON.stringify([agentId, threadId]);

  return {
    join(agentId: string, threadId: string, connection: Connection) {
      const key = keyOf(agentId, threadId);
      membersByThread.set(key, (membersByThread.get(key) ?? new Set()).add(connection));
    },

    leave(agentId: string, threadId: string, connection: Connection) {
      const key = keyOf(agentId, threadId);
      membersByThread.get(key)?.delete(connection);
      if (membersByThread.get(key)?.size === 0) membersByThread.delete(key);
    },

    /** Forgets a connection that went away, in every thread. */
    remove(connection: Connection) {
      for (const [key, members] of membersByThread) {
        members.delete(connection);
        if (members.size === 0) membersByThread.delete(key);
      }
    },

    /** A copy, so a delivery that disconnects members does not disturb the iteration. */
    members(agentId: string, threadId: string): Connection[] {
      return [...(membersByThread.get(keyOf(agentId, threadId)) ?? [])];
    },
  };
}
