import type { Command } from '../../core/rules/commands.ts'
import type { Seed } from '../../core/scenario/schema/scenario.ts'
import { seedEntry } from '../../core/scenario/seed-title.ts'
import type { View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { localisedIndex } from '../i18n/scenario.ts'
import type { Notice } from '../notices.ts'
import { renderBriefing } from '../render/briefing.ts'
import { renderGame } from '../render/game.ts'
import { renderHandover } from '../render/handover.ts'
import { messagesNews } from '../render/message-channels.ts'
import { renderSummary } from '../render/summary.ts'
import type { GameView } from '../view.ts'
import { afterBriefing, afterSummary, onUpdate, type Place, type Progress, toSide } from './flow.ts'
import { newsText, refusedText, warnedText } from './outcome-text.ts'
import type { Table, TableSnapshot } from './table.ts'

/** What a device around the table provides: its notices, its source dialog, and its own screens. */
export interface PlayHooks {
  show: (notice: Notice | null) => void
  announce: (text: string) => void
  /** Opens an article at a quote; `article` is the scenario's entry for it (title, text it carries). */
  openSource: (seed: string, quote: string, article: Seed | undefined) => void
  /** The ending screen (solo and classroom export and leave differently). */
  ending: (view: GameView) => View
  /** The table screen; by default the game's table alone (solo adds its guide and Backstage). */
  table?: (view: GameView) => View
  /**
   * The summary's way on: by default "Start round n" (solo: the next round waits for the player), or "See
   * how the game ended". A classroom seat says "Back to the table": the room has moved on already.
   */
  summaryNext?: (ended: boolean, round: number) => string
  /** Leaves the game (the title screen, or out of the room). */
  leave: () => void
  /** Something changed: the place or the table. The device draws again. */
  changed: () => void
  /** A side's briefing was read (a classroom seat remembers it across reloads). */
  briefed?: (side: string) => void
  /** Sides whose briefing this device has shown already. */
  alreadyBriefed?: () => readonly string[]
}

/** A device playing at a table: where it is, what its screen shows, and its moves. */
export interface Play {
  place: () => Place
  go: (place: Place) => void
  /** The current game screen, or null while the table has nothing to show. */
  screen: () => View | null
  /** The screen's key: a new key is a new screen (scrolled to its top, focus on its heading). */
  key: () => string
  /** Whether the table is still answering the last move (the page is marked busy and says so). */
  answering: () => boolean
  act: (command: Command) => Promise<void>
  stop: () => void
}

/**
 * Plays at `table` from `start`: follows its changes (the round summaries, the ending, news for screen
 * readers), sends this device's commands and shows what became of them. The same for solo, hot-seat and
 * classroom play; only the table and the hooks differ.
 */
export function playTable(table: Table, start: Place, hooks: PlayHooks): Play {
  let place = start
  let seen = table.snapshot()?.state ?? null
  /** The text of the last message this device sent, which screen readers need not hear back. */
  let lastSaid = ''
  // Computer partners answer a move with several of their own, each a change of the table: the device
  // draws once, after them all, not once per change.
  let drawing = false
  const changed = (): void => {
    if (drawing) return
    drawing = true
    queueMicrotask(() => {
      drawing = false
      hooks.changed()
    })
  }
  const progress = (snap: TableSnapshot): Progress => ({
    humans: snap.humans,
    briefed: hooks.alreadyBriefed?.() ?? [],
    state: snap.state,
  })
  const go = (next: Place): void => {
    place = next
    hooks.show(null)
    changed()
  }
  const stop = table.subscribe(() => {
    const snap = table.snapshot()
    if (!snap) return changed()
    if (seen && snap.state !== seen) {
      const update = onUpdate(place, seen, progress(snap))
      place = update.place
      const shown = localisedIndex(snap.index)
      const news = update.news.map((n) => newsText(shown, snap.state, n))
      // Messages from others, said after the table's news (the device's own just sent is not said back).
      // Not once the game is over: every channel is then revealed at once, for the debrief to tell.
      const own = { side: place.acting, text: lastSaid }
      if (snap.state.phase !== 'ended')
        news.push(messagesNews({ ...snap, index: shown }, seen.messages, snap.state.messages, own))
      const text = news.filter(Boolean).join(' ')
      if (text) hooks.announce(text)
    }
    seen = snap.state
    changed()
  })

  async function act(command: Command, told?: (text: string) => void): Promise<void> {
    const snap = table.snapshot()
    if (!snap) return
    if (command.type === 'say') lastSaid = command.payload.text.trim()
    const outcome = await table.act(command)
    // Worded when shown, so that a language switch words the notice again.
    if (!outcome.ok) {
      const { refused } = outcome
      // A form that asked shows the refusal by its field; the notice of an earlier move is then stale.
      if (told) {
        hooks.show(null)
        return told(refusedText(localisedIndex(snap.index), refused))
      }
      hooks.show({
        kind: 'refusal',
        lines: () => [refusedText(localisedIndex(snap.index), refused)],
        code: refused.by === 'rules' ? refused.refusal.code : refused.code,
      })
    } else if (outcome.warned.length) {
      const { warned } = outcome
      hooks.show({
        kind: 'warning',
        lines: () => warned.map((w) => warnedText(localisedIndex(snap.index), w)),
      })
    } else hooks.show(null)
  }

  function gameView(snap: TableSnapshot): GameView {
    const index = localisedIndex(snap.index)
    const view: GameView = {
      index,
      state: snap.state,
      log: snap.log,
      humans: [...snap.humans],
      acting: place.acting,
      act: (command, refused) => void act(command, refused),
      tell: (message) => hooks.show({ kind: 'info', lines: [message] }),
      setActing: (side) => go(toSide(snap.humans, side, { name: 'table' })),
      openSource: (seed, quote) => hooks.openSource(seed, quote, seedEntry(index.scenario, seed)),
      newGame: hooks.leave,
    }
    if (snap.authors) view.authors = snap.authors
    if (snap.seat) view.seat = snap.seat
    return view
  }

  function screen(): View | null {
    const snap = table.snapshot()
    if (!snap) return null
    const view = gameView(snap)
    const name = (side: string) => view.index.sides.get(side)?.name ?? side
    const s = place.screen
    switch (s.name) {
      case 'handover':
        document.title = t('doc.handover')
        return renderHandover(view, s.side, () => go({ ...place, screen: s.after }))
      case 'briefing': {
        document.title = t('doc.briefing', { side: name(s.side) })
        const next = s.queue[0]
        const label = next ? t('app.nextBriefing', { side: name(next) }) : t('app.goToTable')
        return renderBriefing(
          view,
          s.side,
          () => {
            hooks.briefed?.(s.side)
            go(afterBriefing(place, progress(snap)))
          },
          label,
        )
      }
      case 'summary': {
        const record = view.state.history.find((r) => r.round === s.round)
        document.title = t('doc.summary', { round: s.round })
        const ended = view.state.phase === 'ended'
        const label =
          hooks.summaryNext?.(ended, view.state.round) ??
          (ended ? t('app.seeEnding') : t('app.startRound', { round: view.state.round }))
        if (record) return renderSummary(view, record, { label, go: () => go(afterSummary(progress(snap))) })
        return renderGame(view)
      }
      case 'ending':
        document.title = t('doc.debrief')
        return hooks.ending(view)
      default:
        document.title = t('doc.round', { round: view.state.round })
        return hooks.table ? hooks.table(view) : renderGame(view)
    }
  }

  return {
    place: () => place,
    go,
    screen,
    key: () => JSON.stringify(place.screen),
    answering: () => table.answering(),
    act,
    stop,
  }
}
