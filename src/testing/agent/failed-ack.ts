/** A negative acknowledgement, as both agents' command handlers answer a command they refuse. */
export const failedAck = (code: string, message: string) => ({ ok: false as const, error: { code, message } });
