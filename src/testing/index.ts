export {
  createTestServer,
  type TestClientOptions,
  type TestServer,
  type TestServerConnections,
  type TestServerOptions,
  type TestServerScript,
  type TestServerSettings,
} from './create-test-server.js';
export type { EntityChange } from './agent/gateway/entity-store.js';
export type { GatewaySessionInfo } from './agent/gateway/gateway-agent.js';
export type { GatewayStats } from './agent/gateway/gateway-stats.js';
export type { SentMessage } from './in-memory-agent.js';
export { scenarioFromJson, type ScenarioSource } from './checked-scenario.js';
export { createFakeConnections, type FakeConnections, type FakeEntityUpdate, type FakeInvocation, type ToolAnswer } from './fake-connections.js';
export { createFakeClient, type FakeClient, type FakeClientCall, type FakeClientOptions } from './fake-client.js';
export { createFakeStorage } from './fake-storage.js';
export type {
  ApprovalOutcome,
  ApprovalWaitStep,
  ClientToolOutcome,
  ClientToolWaitStep,
  Scenario,
  ScenarioContext,
  ScenarioEvent,
  ScenarioStep,
  StepOutcome,
} from './scenarios/scenario-types.js';
export {
  approvalSteps,
  backgroundRunSteps,
  clientToolCallSteps,
  toolCallSteps,
  type ApprovalOptions,
  type BackgroundRunOptions,
  type ClientToolCallOptions,
  type ToolCallOptions,
} from './scenarios/step-builders.js';
export { scenarioText, streamText } from './scenarios/stream-text.js';
export { builtInScenarios } from './scenarios/built-in-scenarios.js';
export { recordSession, type RecordSessionOptions, type SessionRecording } from '../client/record-session.js';
export { parseCassette, type ParseCassetteResult } from '../protocol/cassette.js';
export { replayCassette, type CassetteReplay, type ReplayCassetteOptions } from './cassettes/replay-cassette.js';
export type { RecordingSource } from './cassettes/recording-from-source.js';
export type { RecordedEvent, RecordedTurn } from './cassettes/recorded-turn.js';
