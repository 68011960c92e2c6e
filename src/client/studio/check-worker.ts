/**
 * A checking worker of the studio (the page starts two, see check-protocol.ts): `check` runs the scenario
 * checker with every check and warning, `dryRun` loads the text and works out the dry run with a small
 * budget. Both run off the page's main thread, so that typing never waits for either. Texts that arrive while
 * one is worked on replace each other: a burst of changes is checked once, at its newest.
 */
import { analyzeScenario } from '../../core/analyze/analysis.ts'
import { loadScenario } from '../../core/scenario/load/index.ts'
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
  const started = performance.now()
  const result = loadScenario(job.text, { file: job.file, seeds: library })
  scope.postMessage({
    type: 'checked',
    seq: job.seq,
    problems: result.problems,
    loads: result.index !== null,
    ms: performance.now() - started,
  })
}

function dryRun(job: Job): void {
  const started = performance.now()
  // The warnings were the checker's business; the dry run needs the scenario only.
  const { index } = loadScenario(job.text, { file: job.file, seeds: library, skipWarnings: true })
  const responder = index?.scenario.sides.find((s) => s.role === 'responder')
  const name = responder?.shortName ?? responder?.name ?? ''
  let message: FromWorker
  try {
    const analysis = index ? analyzeScenario(index, { budget: LIVE_BUDGET }) : null
    const error = analysis ? undefined : 'the scenario does not load'
    message = { type: 'dryRun', seq: job.seq, analysis, responder: name, ms: performance.now() - started }
    if (error) message.error = error
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e)
    message = { type: 'dryRun', seq: job.seq, analysis: null, error, responder: name, ms: 0 }
  }
  scope.postMessage(message)
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
