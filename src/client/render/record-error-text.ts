import type { RecordError, RecordErrorCode } from '../../core/record/record.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { formatList, type MessageKey, t } from '../i18n/index.ts'
import { localisedIndex } from '../i18n/scenario.ts'
import { nameOf } from '../view.ts'
import { refusalText } from './rule-texts.ts'

/** What went wrong, by code (VERSION_INVALID, INVALID_RECORD and LOG_REFUSED have a second wording). */
export const RECORD_ERROR_KEYS: Record<RecordErrorCode, MessageKey> = {
  TOO_LARGE: 'record.TOO_LARGE',
  NOT_JSON: 'record.NOT_JSON',
  NOT_A_RECORD: 'record.NOT_A_RECORD',
  VERSION_INVALID: 'record.VERSION_INVALID',
  VERSION_TOO_NEW: 'record.VERSION_TOO_NEW',
  INVALID_RECORD: 'record.INVALID_RECORD',
  UNKNOWN_SCENARIO: 'record.UNKNOWN_SCENARIO',
  SCENARIO_CHANGED: 'record.SCENARIO_CHANGED',
  SETUP_MISMATCH: 'record.SETUP_MISMATCH',
  LOG_REFUSED: 'record.LOG_REFUSED',
  UNREADABLE: 'record.UNREADABLE',
}

/** What to do about it, by code. */
export const RECORD_FIX_KEYS: Record<RecordErrorCode, MessageKey> = {
  TOO_LARGE: 'record.fix.notRecord',
  NOT_JSON: 'record.fix.notRecord',
  NOT_A_RECORD: 'record.fix.notRecord',
  VERSION_INVALID: 'record.fix.notRecord',
  VERSION_TOO_NEW: 'record.fix.tooNew',
  INVALID_RECORD: 'record.fix.exportAgain',
  UNKNOWN_SCENARIO: 'record.fix.unknownScenario',
  SCENARIO_CHANGED: 'record.fix.scenarioChanged',
  SETUP_MISMATCH: 'record.fix.exportAgain',
  LOG_REFUSED: 'record.fix.logRefused',
  UNREADABLE: 'record.fix.unreadable',
}

function message(error: RecordError, index: ScenarioIndex | undefined): string {
  const p = error.params ?? {}
  const sides = (ids: readonly string[] | undefined) =>
    formatList((ids ?? []).map((s) => (index ? nameOf(index, s) : s)))
  switch (error.code) {
    case 'VERSION_INVALID':
      return p.version === undefined
        ? t('record.VERSION_MISSING')
        : t('record.VERSION_INVALID', { version: p.version })
    case 'INVALID_RECORD':
      return p.at ? t('record.INVALID_RECORD', { at: p.at }) : t('record.INVALID_RECORD_TOP')
    case 'SETUP_MISMATCH': {
      const why = p.setupScenario
        ? t('record.setup.scenario', { id: p.setupScenario })
        : p.missing?.length
          ? t('record.setup.missing', { sides: sides(p.missing) })
          : t('record.setup.unknown', { sides: sides(p.unknown) })
      return t('record.SETUP_MISMATCH', { fileTitle: index?.scenario.title ?? p.file?.title ?? '', why })
    }
    case 'LOG_REFUSED':
      return p.move !== undefined && p.refusal && index
        ? t('record.LOG_REFUSED', { move: p.move, reason: refusalText(index, p.refusal) })
        : t('record.LOG_REFUSED_PLAIN')
    default:
      return t(RECORD_ERROR_KEYS[error.code], {
        title: p.scenario?.title ?? '',
        id: p.scenario?.id ?? '',
        hash: p.scenario?.hash ?? '',
        fileTitle: index?.scenario.title ?? p.file?.title ?? '',
        fileHash: p.file?.hash ?? '',
        version: p.version ?? '',
        newest: p.newest ?? 0,
        detail: p.detail ?? '',
      })
  }
}

/**
 * A record that could not be opened, in the interface's language: what went wrong and what to do.
 * `resolve` finds the scenario the error names, so that sides and refusals are worded with its names.
 */
export function recordErrorText(
  error: RecordError,
  resolve: (id: string) => ScenarioIndex | undefined,
): { message: string; fix: string } {
  const id = error.params?.file?.id
  const index = id ? resolve(id) : undefined
  return {
    message: message(error, index && localisedIndex(index)),
    fix: t(RECORD_FIX_KEYS[error.code], { button: t('debrief.exportJson') }),
  }
}
