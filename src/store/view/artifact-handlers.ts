import type { ArtifactView, EventOf } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { pushPart, resolveAssistantMessage } from './assistant-message.js';
import { withoutUndefined } from './without-undefined.js';
import { ownEntry } from './own-entries.js';

export function applyArtifactCreated(view: ThreadView, event: EventOf<'artifact-created'>): ThreadView {
  if (ownEntry(view.artifacts, event.artifactId)) return view;
  const target = resolveAssistantMessage(view, event);
  const artifact: ArtifactView = withoutUndefined({
    id: event.artifactId,
    turnId: event.turnId,
    messageId: target.message.id,
    kind: event.kind,
    title: event.title,
    language: event.language,
    versions: [event.content],
    version: 1,
  });
  const next = pushPart(target.view, target.message, { type: 'artifact', artifactId: artifact.id });
  return { ...next, artifacts: { ...next.artifacts, [artifact.id]: artifact } };
}

/**
 * A higher version starts a new entry in `versions` from the latest content; more updates of the current version
 * keep writing into that entry, and an older version is stale and ignored.
 */
export function applyArtifactUpdated(view: ThreadView, event: EventOf<'artifact-updated'>): ThreadView {
  const artifact = ownEntry(view.artifacts, event.artifactId);
  if (!artifact || event.version < artifact.version) return view;

  const latest = artifact.versions.at(-1) ?? '';
  const content = event.content ?? latest + (event.delta ?? '');
  const versions =
    event.version === artifact.version
      ? [...artifact.versions.slice(0, -1), content]
      : [...artifact.versions, ...Array.from({ length: event.version - artifact.version - 1 }, () => latest), content];
  const next: ArtifactView = { ...artifact, versions, version: event.version };
  return { ...view, artifacts: { ...view.artifacts, [next.id]: next } };
}
