import type { RefusalParams } from '../core/rules/refusals.ts'
import type { ErrorCode, NetError } from '../net/protocol.ts'

/** A refusal that changed nothing. */
export const fail = (
  code: ErrorCode,
  message: string,
  params?: RefusalParams,
): { ok: false; error: NetError } => ({
  ok: false,
  error: params ? { code, message, params } : { code, message },
})

/** An action done, with nothing to tell. */
export const ok = { ok: true } as const
