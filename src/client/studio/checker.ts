/**
 * The page's side of the checking workers: the newest text goes to the checker after each change, and, once
 * the checker says it loads and no newer text came for a moment (`DRY_RUN_AFTER`), to the dry-run worker.
 * A dry run still working on an older text is stopped as soon as a newer text comes (its worker is ended, and
 * a fresh one started when the next dry run is due), since its answer would be stale anyway: while the teacher
 * types, no dry run competes with the page for the processor. Only answers about the newest text are passed on. The workers are inlined into the page's script (`?worker&inline`), so that the
 * single-page game, opened from a file, checks as the served one does. Each answer's time in its worker is put
 * in the page's performance timeline (see `TIMINGS` in check-protocol.ts).
 */
import { type Checked, type DryRun, type FromWorker, TIMINGS, type ToWorker } from './check-protocol.ts'
import CheckWorker from './check-worker.ts?worker&inline'

/**
 * After a check that loads, the dry run waits this long for a newer text before it starts (milliseconds): a
 * dry run takes seconds of a processor, and a teacher who pauses between words would otherwise start, and
 * stop, one at every pause.
 */
export const DRY_RUN_AFTER = 750

/** Keeps a worker's figure in the timeline, ending now; never in the way of the studio if the browser refuses. */
function keepTiming(name: string, ms: number, detail: { seq: number; chars: number }): void {
  try {
    performance.clearMeasures(name)
    performance.measure(name, { end: performance.now(), duration: ms, detail })
  } catch {
    // A browser without User Timing level 3 has no figure to show; the studio works the same.
  }
}

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
  /** Whether the dry-run worker is working on a text (then a newer text ends it). */
  let running = false
  const dryAnswer = (message: FromWorker) => {
    running = false
    if (message.type !== 'dryRun' || message.seq !== seq) return
    keepTiming(TIMINGS.dryRun, message.ms, { seq: message.seq, chars: latest.text.length })
    listener.dryRun(message)
  }
  /** The dry-run worker; null after one was ended, until the next dry run is due. */
  let dry: Worker | null = start(dryAnswer)
  let dryTimer: ReturnType<typeof setTimeout> | undefined
  const checker = start((message) => {
    if (message.type !== 'checked' || message.seq !== seq) return
    keepTiming(TIMINGS.check, message.ms, { seq: message.seq, chars: latest.text.length })
    listener.checked(message)
    if (!message.loads) return
    const job = { type: 'dryRun', seq: message.seq, ...latest } satisfies ToWorker
    dryTimer = setTimeout(() => {
      dry ??= start(dryAnswer)
      running = true
      dry.postMessage(job)
    }, DRY_RUN_AFTER)
  })
  return {
    check: (text, file) => {
      seq += 1
      latest = { text, file }
      clearTimeout(dryTimer)
      if (running) {
        dry?.terminate()
        dry = null
        running = false
      }
      checker.postMessage({ type: 'check', seq, text, file } satisfies ToWorker)
    },
    stop: () => {
      clearTimeout(dryTimer)
      checker.terminate()
      dry?.terminate()
    },
  }
}
