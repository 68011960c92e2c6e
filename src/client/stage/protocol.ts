import type { StageBackdrop, StageModel } from './model.ts'

/**
 * The messages between the page and the stage's frame (`stage.html`). The stage runs in a same-origin
 * `<iframe>`, a JS realm of its own, so that removing the frame frees Phaser entirely (a module loaded in the
 * page's realm stays there for good). Only plain data crosses: the page computes every `StageModel` from the
 * game and posts it; the frame never sees the store, the scenario or the rules.
 *
 * The order: the frame says `hello` once it listens; the page answers `start` (with the backdrop: a map, the
 * table or the scenario's picture, which never changes during a game) and then posts a `model` on every change
 * of the game; the frame says `ready` after its first frame, or `failed` when it cannot draw.
 */

/** Marks every message of this protocol, so that neither side mistakes another script's messages for its own. */
export const CHANNEL = 'red-lines-stage'

export type ToFrame =
  | { channel: typeof CHANNEL; type: 'start'; model: StageModel; backdrop: StageBackdrop }
  | { channel: typeof CHANNEL; type: 'model'; model: StageModel }

export type FromFrame =
  | { channel: typeof CHANNEL; type: 'hello' }
  | { channel: typeof CHANNEL; type: 'ready'; renderer: 'webgl' | 'canvas' }
  | { channel: typeof CHANNEL; type: 'failed'; reason: string }

const TO_FRAME = new Set(['start', 'model'])
const FROM_FRAME = new Set(['hello', 'ready', 'failed'])

function ofChannel(data: unknown, types: Set<string>): boolean {
  if (typeof data !== 'object' || data === null) return false
  const message = data as { channel?: unknown; type?: unknown }
  return message.channel === CHANNEL && typeof message.type === 'string' && types.has(message.type)
}

/** Whether a message the frame received is one the page sent it. */
export const isToFrame = (data: unknown): data is ToFrame => ofChannel(data, TO_FRAME)

/** Whether a message the page received is one the frame sent it. */
export const isFromFrame = (data: unknown): data is FromFrame => ofChannel(data, FROM_FRAME)

/**
 * The target origin of every message: the sender's own origin, whatever it is. Not `location.origin`, which is
 * "null" (refused by postMessage) in the single-file page opened from `file://` and in its `srcdoc` frame.
 */
export const SAME_ORIGIN = '/'

/**
 * Whether a message event comes from `from` on this page's own origin. Both sides check it: a message from any
 * other window (an extension, another frame) is ignored. `self.origin` is the document's origin, which a
 * `srcdoc` frame shares with its page (its `location.origin` is "null").
 */
export function fromWindow(event: MessageEvent, from: Window | null): boolean {
  return from !== null && event.source === from && event.origin === self.origin
}
