/**
 * Messages between the clients of one origin, agent and user in other tabs (over BroadcastChannel). A message is
 * delivered to every other client on the channel, never back to its sender; same-origin peers are trusted no more
 * than the server, so receivers check the shape of what they get.
 */
export interface PeerChannel {
  post(message: unknown): void;
  subscribe(listener: (message: unknown) => void): () => void;
}
