import { formatProblem, type Problem } from '../../core/scenario/load/problems.ts'
import { t } from '../i18n/index.ts'
import type { Notice, Notices } from '../notices.ts'
import { onScenarioFilesChange } from '../scenarios.ts'
import { reloadSession, type SaveContext, type Session } from '../session.ts'
import type { Library, ShippedChange } from './library.ts'

/** Options of watchScenarioFiles. */
export interface LiveReloadOptions {
  library: Library
  context: SaveContext
  notices: Notices
  /** The game open now, if any. */
  session: () => Session | null
  /** Puts a game replayed on the new version in the place of the open one, on the same screen. */
  replace: (session: Session) => void
  /** Shows the current screen again (the set-up screen's list of scenarios changes). */
  redraw: () => void
}

const SHOWN = 8

/** A file's errors as lines `file:line:col  CODE  message. Fix: …`, the first few and how many more. */
function problemLines(problems: readonly Problem[]): string[] {
  const errors = problems.filter((p) => p.severity === 'error')
  const lines = errors.slice(0, SHOWN).map(formatProblem)
  if (errors.length > SHOWN) lines.push(t('live.more', { count: errors.length - SHOWN }))
  return lines
}

/** What one changed file means for the player: a line or more, and whether it went wrong. */
function outcome(change: ShippedChange, options: LiveReloadOptions): { lines: string[]; failed: boolean } {
  const file = `scenarios/${change.file}`
  const session = options.session()
  const origin = session ? options.library.origin(session.index) : undefined
  const playing = !!session && origin?.kind === 'shipped' && origin.file === change.file
  const after = change.after?.index ?? null
  if (!change.after)
    return { lines: [t(playing ? 'live.removedInGame' : 'live.removed', { file })], failed: playing }
  if (!after)
    return {
      lines: [
        t(playing ? 'live.brokenInGame' : 'live.broken', { file }),
        ...problemLines(change.after.problems),
      ],
      failed: true,
    }
  if (!session || !playing) return { lines: [t('live.reloaded', { file })], failed: false }
  const moved = reloadSession(session, after, options.context)
  if (!moved.ok) return { lines: [t('live.replayFailed', { file, error: moved.error })], failed: true }
  options.replace(moved.session)
  return {
    lines: [t('live.reloadedGame', { file, count: moved.session.store.getState().log.length })],
    failed: false,
  }
}

/**
 * Follows the files of `scenarios/` while the development server runs: when one is saved, the scenario list
 * takes the new version at once (no page reload), and a game open on that file is replayed on it. If the
 * file no longer loads, or the rules refuse the game's moves on it, its problems are shown and the game
 * continues on the version it was started on. Does nothing in a built game.
 */
export function watchScenarioFiles(options: LiveReloadOptions): void {
  onScenarioFilesChange((texts) => {
    const changes = options.library.replaceShipped(texts)
    if (changes.length === 0) return
    const results = changes.map((change) => outcome(change, options))
    const failed = results.some((r) => r.failed)
    const notice: Notice = {
      kind: failed ? 'error' : 'info',
      lines: results.flatMap((r) => r.lines),
      ...(failed ? { fix: t('live.fix') } : {}),
    }
    options.redraw()
    options.notices.show(notice)
  })
}
