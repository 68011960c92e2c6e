import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { button, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { openPrintView } from './print-view.ts'
import { renderRoleSheets } from './role-sheet.ts'

/**
 * The ways into the print view with role sheets, for the screens that offer them: the set-up screen and a
 * side's briefing (solo and hot-seat), and a student's strip above a room's table (their own side's sheet only:
 * their device holds no other side's texts). A room's panel has its own (room-print.ts), kept apart so that
 * the game's pages do not load the classroom's code.
 */

/** Opens the print view with the role sheets of `sides` (those this device holds) of `index`, as shown. */
export function printRoleSheets(index: ScenarioIndex, sides: readonly string[]): void {
  const { title } = index.scenario
  openPrintView({
    heading: t('print.roleSheetsHeading', { title }),
    fileTitle: t('print.roleSheetsFile', { title }),
    sheets: renderRoleSheets(index, sides),
  })
}

/** "Print role sheets" for every proposing side of `index` (the set-up screen's scenario, as shown). */
export function printAllButton(index: ScenarioIndex): View {
  return button(t('print.roleButton'), () => printRoleSheets(index, index.proposers), { class: 'small' })
}

/** "Print this role sheet" on a side's briefing. */
export function printSideButton(index: ScenarioIndex, side: string): View {
  return button(t('print.sideButton'), () => printRoleSheets(index, [side]))
}

/** A student's "Print my role sheet", or null while they have no side (or their device lacks its texts). */
export function printOwnButton(index: ScenarioIndex, side: string | null): View | null {
  if (!side || !index.sides.get(side)?.briefing) return null
  return button(t('print.ownButton'), () => printRoleSheets(index, [side]), { class: 'small' })
}
