import { useConnectionsState, useEntity } from '@platosdev/client/react';

interface Workspace {
  name?: string;
  openTasks?: number;
  activeUsers?: number;
}

/** An entity the server keeps current over the connections gateway (the mock server changes it every few seconds). */
export function WorkspaceCard() {
  const workspace = useEntity<Workspace>('workspace', 'demo');
  const gateway = useConnectionsState();
  return (
    <section className="demo-panel" aria-labelledby="workspace-title" data-gateway={gateway}>
      <h2 id="workspace-title">Workspace</h2>
      {workspace?.value ? (
        <dl>
          <dt>Name</dt>
          <dd>{workspace.value.name}</dd>
          <dt>Open tasks</dt>
          <dd>{workspace.value.openTasks}</dd>
          <dt>Active users</dt>
          <dd>{workspace.value.activeUsers}</dd>
          <dt>Version</dt>
          <dd>{workspace.version}</dd>
        </dl>
      ) : (
        <p className="demo-panel-note">Waiting for the server…</p>
      )}
      <p className="demo-panel-note">Gateway: {gateway}</p>
    </section>
  );
}
