/**
 * Which tabs are subscribed to which threads on the leader's one socket: the server hears `thread:unsubscribe`
 * only when the last tab of a thread leaves, so one tab leaving never cuts the others off.
 */
export function createSubscriptionLedger() {
  const tabsByThread = new Map<string, Set<string>>();
  return {
    subscribe(threadId: string, tabId: string) {
      const tabs = tabsByThread.get(threadId) ?? new Set<string>();
      tabs.add(tabId);
      tabsByThread.set(threadId, tabs);
    },
    /** Whether the thread has no tab left, so the server should be told. */
    unsubscribe(threadId: string, tabId: string): boolean {
      const tabs = tabsByThread.get(threadId);
      if (!tabs) return true;
      tabs.delete(tabId);
      if (tabs.size > 0) return false;
      tabsByThread.delete(threadId);
      return true;
    },
    /** Drops every subscription of a tab; returns the threads no tab is subscribed to any more. */
    dropTab(tabId: string): string[] {
      const emptied: string[] = [];
      for (const [threadId, tabs] of tabsByThread) {
        if (!tabs.delete(tabId) || tabs.size > 0) continue;
        tabsByThread.delete(threadId);
        emptied.push(threadId);
      }
      return emptied;
    },
    /** The socket dropped: the server forgot every subscription, and the tabs subscribe again on the next connect. */
    clear() {
      tabsByThread.clear();
    },
  };
}
