/**
 * What a hook throws to have Hocuspocus close the connection with this code and reason. Not an
 * Error: Hocuspocus logs what a hook throws, and a stack trace per refused message from a client
 * that keeps sending them would fill the disk; this logs as one short line.
 */
export interface CloseReason {
  readonly code: number;
  readonly reason: string;
}

export const closeWith = (code: number, reason: string): CloseReason => ({ code, reason });
