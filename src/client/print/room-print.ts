import { roomIndex } from '../classroom/game-view.ts'
import { reportedJoinBase } from '../classroom/join-address.ts'
import { joinAddress, joinLink, type RoomEntry } from '../classroom/rooms.ts'
import { button, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { printRoleSheets } from './buttons.ts'
import { openPrintView } from './print-view.ts'
import { renderTeacherSheet, type TeacherSheetInfo } from './teacher-sheet.ts'

/**
 * The dashboard's ways into the print view, for a room: its teacher's sheet, and the role sheets of every side
 * (the instructor's device holds the whole scenario). Kept apart from buttons.ts, which the game's own pages
 * load, because it needs the classroom's code (the join link, the QR code).
 */

/** Opens the print view with a room's teacher's sheet. */
export function printTeacherSheet(info: TeacherSheetInfo): void {
  openPrintView({
    heading: t('print.teacherHeading', { code: info.code }),
    fileTitle: t('print.teacherFile', { code: info.code }),
    sheets: [renderTeacherSheet(info)],
  })
}

/**
 * A room panel's print buttons: the teacher's sheet (code, join link and QR code, sides and students, settings,
 * steps) and every side's role sheet; null until the instructor's device holds the room's view and scenario.
 */
export function renderRoomPrint(entry: RoomEntry): View | null {
  const view = entry.connection?.view
  const scenario = entry.connection?.scenario
  if (!view || !scenario) return null
  const index = roomIndex(scenario)
  const { code } = entry
  const teacherSheet = () => {
    // The address the server reports students reach, as the panel's link and QR code use (room-join.ts).
    const base = reportedJoinBase()
    const latest = entry.connection?.view ?? view
    printTeacherSheet({ code, link: joinLink(code, base), address: joinAddress(base), index, view: latest })
  }
  return h('div', { class: 'actions print-actions' }, [
    button(t('print.teacherButton'), teacherSheet),
    button(t('print.roleButton'), () => printRoleSheets(index, index.proposers)),
  ])
}
