import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

const encoder = new Encoder();

/** engine.io v4 packet types: the first character of every WebSocket message. */
const enginePacket = { open: '0', close: '1', ping: '2', pong: '3', message: '4' } as const;

export const ENGINE_PING_FRAME = enginePacket.ping;

/** The engine.io handshake a server sends first on a new WebSocket. */
export function engineOpenFrame(sid: string, pingIntervalMs: number): string {
  return enginePacket.open + JSON.stringify({ sid, upgrades: [], pingInterval: pingIntervalMs, pingTimeout: 20_000, maxPayload: 1_000_000 });
}

export function connectFrame(nsp: string, sid: string): string {
  return socketIoFrame({ type: PacketType.CONNECT, nsp, data: { sid } });
}

export function connectErrorFrame(nsp: string, message: string): string {
  return socketIoFrame({ type: PacketType.CONNECT_ERROR, nsp, data: { message } });
}

/** The server ends the namespace's connection: the client sees `disconnect` with `io server disconnect`. */
export function disconnectFrame(nsp: string): string {
  return socketIoFrame({ type: PacketType.DISCONNECT, nsp });
}

export function eventFrame(nsp: string, name: string, payload: unknown): string {
  return socketIoFrame({ type: PacketType.EVENT, nsp, data: [name, payload] });
}

export function ackFrame(nsp: string, id: number, reply: unknown): string {
  return socketIoFrame({ type: PacketType.ACK, nsp, id, data: [reply] });
}

function socketIoFrame(packet: Packet): string {
  // Packets without binary data always encode to a single string.
  return enginePacket.message + String(encoder.encode(packet)[0]);
}

export interface ClientFrameHandlers {
  onPacket(packet: Packet): void;
  onClose(): void;
}

/** Reads a client's WebSocket messages; one reader per connection, since the decoder is stateful. */
export function createClientFrameReader(handlers: ClientFrameHandlers): (raw: unknown) => void {
  const decoder = new Decoder();
  decoder.on('decoded', (packet: Packet) => handlers.onPacket(packet));
  return (raw) => {
    if (typeof raw !== 'string' || raw === '') return;
    const type = raw[0];
    if (type === enginePacket.close) return handlers.onClose();
    if (type !== enginePacket.message) return;
    try {
      decoder.add(raw.slice(1));
    } catch (error) {
      console.warn('mock agent: dropped an undecodable frame', error);
    }
  };
}

export { PacketType, type Packet };
