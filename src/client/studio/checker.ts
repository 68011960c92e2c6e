/**
 * The page's side of the checking workers: the newest text goes to the checker after each change, and, once
 * the checker says it loads, to the dry-run worker. A dry run still working on an older text is stopped (its
 * worker is ended and a fresh one started), since its answer would be stale anyway. Only answers about the
 * newest text are passed on. The workers are inlined into the page's script (`?worker&inline`), so that the
 * single-page game, opened from a file, checks as the served one does.
 */
import type { Checked, DryRun, FromWorker, ToWorker } from './check-protocol.ts'
import CheckWorker from './check-worker.ts?worker&inline'

/** What the studio hears from the checker. */
export interface CheckListener {
  checked: (result: Checked) => void
  dryRun: (result: DryRun) => void
  /** A worker failed (it could not start, or threw): the studio says so instead of waiting. */
  failed: (message: string) => void
}

/** A running checker: `check` sends a text, `stop` ends the workers. */
export interface Checker {
  check: (text: string, file: string) => void
  stop: () => void
}

/** Starts the workers with the library's articles (to check quotes of articles not carried in the file). */
export function startChecker(seeds: Record<string, string>, listener: CheckListener): Checker {
  let seq = 0
  /** The newest text sent, for the dry run once the checker says it loads. */
  let latest = { text: '', file: '' }
  const start = (onMessage: (message: FromWorker) => void): Worker => {
    const worker: Worker = new CheckWorker()
    worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data)
    worker.onerror = (event) => listener.failed(event.message || 'the checker stopped')
    worker.postMessage({ type: 'library', seeds } satisfies ToWorker)
    return worker
  }
  /** The seq of the text the dry-run worker is working on, or null when it is idle. */
  let running: number | null = null
  const dryAnswer = (message: FromWorker) => {
    running = null
    if (message.type === 'dryRun' && message.seq === seq) listener.dryRun(message)
  }
  let dry = start(dryAnswer)
  const checker = start((message) => {
    if (message.type !== 'checked' || message.seq !== seq) return
    listener.checked(message)
    if (!message.loads) return
    if (running !== null) {
      dry.terminate()
      dry = start(dryAnswer)
    }
    running = message.seq
    dry.postMessage({ type: 'dryRun', seq: message.seq, ...latest } satisfies ToWorker)
  })
  return {
    check: (text, file) => {
      seq += 1
      latest = { text, file }
      checker.postMessage({ type: 'check', seq, text, file } satisfies ToWorker)
    },
    stop: () => {
      checker.terminate()
      dry.terminate()
    },
  }
}
