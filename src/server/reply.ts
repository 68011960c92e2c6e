import type { ErrorCode } from '../net/protocol.ts'

/** A refusal that changed nothing. */
export const fail = (
  code: ErrorCode,
  message: string,
): { ok: false; error: { code: ErrorCode; message: string } } => ({
  ok: false,
  error: { code, message },
})

/** An action done, with nothing to tell. */
export const ok = { ok: true } as const
