/**
 * One draft open in the studio: its YAML document, the edits the forms ask for (applied to the document, so
 * that comments and layout survive), the draft saved half a second after the last change, and the checker
 * and dry run asked about the newest text. Typing only changes the document in place; turning it into text,
 * saving and checking wait for a pause, and the checks run in the worker.
 */
import type { Problem } from '../../core/scenario/load/problems.ts'
import {
  appendTo,
  getAt,
  moveIn,
  openDocument,
  removeAt,
  type ScenarioDocument,
  setAt,
  toText,
} from '../../core/studio/yaml-doc.ts'
import type { DryRun } from './check-protocol.ts'
import type { Checker } from './checker.ts'
import type { Draft, Drafts } from './drafts.ts'
import type { StudioEdit } from './edits.ts'

/** After a change, the draft is saved once the teacher has paused this long (milliseconds). */
export const SAVE_AFTER = 500
/**
 * After a change, the text is checked once the teacher has paused this long (milliseconds): longer than the
 * gap between two keys of a person typing, so that a word is written out, checked and sent to the worker once,
 * and short enough that the problems follow the text as it is typed.
 */
export const CHECK_AFTER = 250

type Doc = ScenarioDocument

/** Whether the draft is safely stored. */
export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; error: string }

/** Everything the editing screen shows about the draft. */
export interface EditorState {
  draft: Draft
  text: string
  /** The scenario as plain data for the forms, or null when the text cannot be read as a document. */
  data: unknown
  /** Why the text cannot be read as a document (a YAML error); the forms wait until it is mended. */
  unreadable: string | null
  /** The checker's problems about the newest text checked; null before the first answer. */
  problems: Problem[] | null
  /** True while a newer text than the problems' is being checked. */
  checking: boolean
  /** The last dry run, and whether the text changed since (it is then shown as being updated). */
  dryRun: DryRun | null
  dryRunStale: boolean
  save: SaveState
  /** The checker could not run (the worker failed to start): said on the screen, never silently. */
  checkFailed: string | null
}

/** What the editor needs from the studio. */
export interface EditorOptions {
  drafts: Drafts
  checker: Checker
  /** Called after every change of the state, to draw the screen again. */
  changed: () => void
  /** An edit could not be made (its path no longer fits the document): said on the screen. */
  refused: (message: string) => void
}

/** The file name the checker and the downloads use: the scenario's id, else a plain name. */
export function scenarioFileName(data: unknown): string {
  const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined
  return typeof id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(id) ? `${id}.yaml` : 'scenario.yaml'
}

/** Opens `text` as a document, or says why it cannot be (the parser's first error, as the checker words it). */
function open(text: string): { doc: Doc | null; data: unknown; unreadable: string | null } {
  const opened = openDocument(text)
  if (opened.ok) return { doc: opened.doc, data: getAt(opened.doc, []), unreadable: null }
  const first = opened.problems[0]
  return { doc: null, data: null, unreadable: first ? `${first.message}. ${first.fix}` : '' }
}

/** The document with one form's edit applied; throws when the edit does not fit the document. */
function apply(doc: Doc, e: StudioEdit): Doc {
  const path = [...e.path]
  if (e.op === 'set') return setAt(doc, path, e.value)
  if (e.op === 'remove') return removeAt(doc, path)
  if (e.op === 'append') return appendTo(doc, path, e.value).doc
  return moveIn(doc, path, e.from, e.to)
}

/** Opens `draft` for editing. */
export function createEditor(draft: Draft, options: EditorOptions) {
  const { drafts, checker } = options
  let opened = open(draft.text)
  const state: EditorState = {
    draft,
    text: draft.text,
    data: opened.data,
    unreadable: opened.unreadable,
    problems: null,
    checking: true,
    dryRun: null,
    dryRunStale: true,
    save: { kind: 'saved' },
    checkFailed: null,
  }
  /** The document changed since `state.text` was written from it. */
  let textBehind = false
  let saveTimer: ReturnType<typeof setTimeout> | undefined
  let checkTimer: ReturnType<typeof setTimeout> | undefined
  let saving: Promise<void> = Promise.resolve()

  const currentText = (): string => {
    if (textBehind && opened.doc) {
      state.text = toText(opened.doc)
      textBehind = false
    }
    return state.text
  }

  function check(): void {
    clearTimeout(checkTimer)
    checker.check(currentText(), scenarioFileName(state.data))
  }

  /** Saves the newest text now; a failure is kept in the state (and shown), and the next change tries again. */
  function saveNow(): Promise<void> {
    clearTimeout(saveTimer)
    const text = currentText()
    if (text === state.draft.text && state.save.kind !== 'failed') return saving
    state.save = { kind: 'saving' }
    options.changed()
    saving = saving.then(() =>
      drafts.save(state.draft.id, text).then(
        (saved) => {
          state.draft = saved
          // A newer change may be waiting for its own save: only then is the state still "saving".
          if (currentText() === saved.text) state.save = { kind: 'saved' }
          options.changed()
        },
        (e: unknown) => {
          state.save = { kind: 'failed', error: e instanceof Error ? e.message : String(e) }
          options.changed()
        },
      ),
    )
    return saving
  }

  /** After any change: mark the checks stale, and save and check after a pause. */
  function touched(): void {
    state.checking = true
    state.dryRunStale = true
    clearTimeout(saveTimer)
    clearTimeout(checkTimer)
    saveTimer = setTimeout(() => void saveNow(), SAVE_AFTER)
    checkTimer = setTimeout(check, CHECK_AFTER)
    options.changed()
  }

  /** Puts a whole new text in (restored, imported, or edited as text). */
  function takeText(text: string): void {
    opened = open(text)
    state.text = text
    textBehind = false
    state.data = opened.data
    state.unreadable = opened.unreadable
  }

  check()
  return {
    state: (): Readonly<EditorState> => state,
    /** The newest text, written from the document if it changed. */
    text: currentText,
    /**
     * Applies a form's edit; the forms are drawn again from the new data at once. An edit that does not fit
     * the document (it changed under the form) changes nothing and is reported to `options.refused`.
     */
    edit(e: StudioEdit): void {
      if (!opened.doc) return
      try {
        opened = { ...opened, doc: apply(opened.doc, e) }
      } catch (error) {
        options.refused(error instanceof Error ? error.message : String(error))
        return
      }
      textBehind = true
      state.data = opened.doc ? getAt(opened.doc, []) : null
      touched()
    },
    /** Replaces the whole text as typed in the text view (an edit like any other). */
    editText(text: string): void {
      takeText(text)
      touched()
    },
    /** Replaces the whole text with an imported one; the text it had is kept as a version first. */
    async importText(text: string): Promise<void> {
      await saveNow()
      state.draft = await drafts.replace(state.draft.id, text)
      takeText(text)
      touched()
    },
    /** Goes back to an earlier version; the current text is kept as a version first. */
    async restore(at: number): Promise<void> {
      await saveNow()
      state.draft = await drafts.restore(state.draft.id, at)
      takeText(state.draft.text)
      touched()
    },
    /** The draft's earlier versions, the newest first. */
    versions: () => drafts.versions(state.draft.id),
    async rename(name: string): Promise<void> {
      await saveNow()
      state.draft = await drafts.rename(state.draft.id, name)
      options.changed()
    },
    /** Saves at once (before a play-test, before leaving the draft). */
    flush: saveNow,
    /** A check's answer about the newest text. */
    checked(problems: Problem[]): void {
      state.problems = problems
      state.checking = false
      options.changed()
    },
    dryRun(result: DryRun): void {
      state.dryRun = result
      state.dryRunStale = false
      options.changed()
    },
    checkFailed(message: string): void {
      state.checkFailed = message
      state.checking = false
      options.changed()
    },
    /** Stops the timers (the draft is closed; its last change was saved by `flush`). */
    stop(): void {
      clearTimeout(saveTimer)
      clearTimeout(checkTimer)
    },
  }
}

/** A draft open in the studio (see createEditor). */
export type Editor = ReturnType<typeof createEditor>
