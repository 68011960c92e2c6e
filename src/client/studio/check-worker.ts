/**
 * A checking worker of the studio (the page starts two, see check-protocol.ts): `check` runs the scenario
 * checker with every check and warning, `dryRun` loads the text and works out the dry run with a small
 * budget (the core's `checkDraft` and `dryRunDraft`). Both run off the page's main thread, so that typing never
 * waits for either. Texts that arrive while one is worked on replace each other: a burst of changes is checked
 * once, at its newest.
 */
import { checkDraft, dryRunDraft } from '../../core/studio/draft-checks.ts'
import { type FromWorker, LIVE_BUDGET, type ToWorker } from './check-protocol.ts'

/** The worker's side of the channel (the DOM library's types describe a window, not a worker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  postMessage: (message: FromWorker) => void
}
const scope = self as unknown as WorkerScope

type Job = Extract<ToWorker, { seq: number }>

let library: Record<string, string> = {}
let waiting: Job | null = null
let scheduled = false

function check(job: Job): void {
  // Timed around exactly the core's call, so that `npm run bench` compares it with the same call in Node.
  const started = performance.now()
  const { problems, loads } = checkDraft(job.text, job.file, library)
  const ms = performance.now() - started
  scope.postMessage({ type: 'checked', seq: job.seq, problems, loads, ms })
}

function dryRun(job: Job): void {
  const started = performance.now()
  const result = dryRunDraft(job.text, job.file, library, LIVE_BUDGET)
  const ms = performance.now() - started
  scope.postMessage({ type: 'dryRun', seq: job.seq, ...result, ms })
}

function next(): void {
  scheduled = false
  const job = waiting
  waiting = null
  if (job?.type === 'check') check(job)
  else if (job) dryRun(job)
}

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'library') {
    library = message.seeds
    return
  }
  waiting = message
  // Later, so that the texts already queued come in first and only the newest is worked on.
  if (!scheduled) {
    scheduled = true
    setTimeout(next, 0)
  }
}
