/**
 * Play-testing a draft in one click: the studio keeps the text in this tab's sessionStorage and opens the
 * game at `#play-test`; the game takes the text, loads it as an opened file, and starts a hot-seat game
 * with every proposing side played by a person, in instructor mode with the Backstage open, so that the
 * author sees the hidden parts while playing. The text is taken once: a reload resumes the saved game.
 * This module is the game's side of it and stays small (the game imports it).
 */

import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameSetup } from '../../core/rules/state.ts'
import type { Library } from '../authoring/library.ts'
import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { Notices } from '../notices.ts'
import { rememberBackstage } from '../render/backstage.ts'
import type { SaveStorage } from '../saves/index.ts'
import { createSession, type SaveContext, type Session } from '../session.ts'

const KEY = 'red-lines:play-test'

/** The scenario handed from the studio to the game. */
export interface PlayTestRequest {
  file: string
  text: string
}

/** Keeps `request` for the game in this tab; false when sessionStorage refuses it (the studio says so). */
export function requestPlayTest(request: PlayTestRequest): boolean {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(request))
    return true
  } catch {
    return false
  }
}

/**
 * The play-test the studio asked for, taken out of storage (so that it starts once), or null. Taken before
 * the game starts, which then opens with the Backstage open.
 */
export function takePlayTest(): PlayTestRequest | null {
  if (location.hash !== '#play-test') return null
  let request: PlayTestRequest | null = null
  try {
    const raw = sessionStorage.getItem(KEY)
    sessionStorage.removeItem(KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : null
    const { file, text } = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>
    if (typeof file === 'string' && typeof text === 'string') request = { file, text }
  } catch {
    return null
  }
  if (request) rememberBackstage(true)
  return request
}

/** A play-test's set-up: every proposing side human (hot-seat), instructor mode, normal difficulty. */
export function playTestSetup(index: ScenarioIndex, seed = Math.floor(Math.random() * 1_000_000)): GameSetup {
  return {
    scenarioId: index.scenario.id,
    seats: Object.fromEntries(index.proposers.map((side) => [side, 'human' as const])),
    seed,
    difficulty: 'normal',
    mode: 'instructor',
  }
}

/** What the game lends to start a play-test. */
export interface PlayTestContext {
  library: Library
  storage: SaveStorage
  notices: Notices
  enter: (session: Session, then: 'brief') => void
}

/**
 * Starts the play-test game on its briefings. When the text does not load, says why on the title screen
 * (the first problem, with its fix) and returns false.
 */
export function startPlayTest(request: PlayTestRequest, context: PlayTestContext): boolean {
  const { library, storage, notices } = context
  const opened = library.open(request.file, request.text)
  if (!opened.index) {
    const first = opened.problems.find((p) => p.severity === 'error')
    notices.show({
      kind: 'error',
      lines: [t('studio.playTest.failed', { message: first?.message ?? '' })],
      fix: first?.fix ?? t('studio.playTest.failedFix'),
    })
    return false
  }
  // A play-test whose text cannot be kept can still be played; it just cannot be resumed after a reload.
  library.keep(opened.index)
  const onError: SaveContext['onError'] = (p) =>
    notices.show({ kind: 'error', lines: [p.message], fix: p.fix, code: p.code })
  context.enter(createSession(opened.index, playTestSetup(opened.index), { storage, onError }), 'brief')
  return true
}

/** The way back to the studio, at the top of the game's pages while the address is the play-test's. */
export function renderBackToStudio(): View | null {
  if (location.hash !== '#play-test') return null
  return h('p', { class: 'back-to-studio' }, h('a', { href: '#studio' }, t('studio.playTest.back')))
}
