import { button, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { renderDebrief } from '../render/debrief/debrief.ts'
import { roomGameView } from './game-view.ts'
import type { RoomEntry } from './rooms.ts'
import type { Shell } from './shell.ts'

/**
 * A room's debrief on the instructor's screen, for the class discussion (the game's own debrief, built by
 * the server from the whole game, the instructor's overrules shown as the instructor's decisions). Its
 * exports are the room's, from the server. Null before the game is over.
 */
export function renderDashboardDebrief(
  entry: RoomEntry,
  shell: Shell,
  onBack: () => void,
  onExport: (format: 'csv' | 'json') => void,
): View | null {
  const connection = entry.connection
  const debrief = connection?.view?.debrief
  if (!connection || !debrief) return null
  const game = roomGameView(connection, {
    acting: null,
    act: () => undefined,
    tell: () => undefined,
    leave: onBack,
    dialog: shell.dialog,
  })
  if (!game) return null
  return h('div', { class: 'room-debrief' }, [
    renderDebrief(game, {
      debrief,
      onExportJson: () => onExport('json'),
      onExportCsv: () => onExport('csv'),
      onPrint: () => window.print(),
    }),
    h('div', { class: 'actions' }, [button(t('classroom.backToDashboard'), onBack)]),
  ])
}
