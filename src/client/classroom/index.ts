import '../classroom.css'
import { ClassroomClient } from '../../net/client.ts'
import { applyDocumentLanguage, onLanguageChange, t } from '../i18n/index.ts'
import { startDashboard } from './dashboard.ts'
import { learnJoinBase } from './join-address.ts'
import { renderProjector } from './projector.ts'
import { classroomRoute } from './route.ts'
import { createShell } from './shell.ts'
import { startStudent } from './student.ts'

/**
 * The classroom pages, mounted instead of the game when the address asks for one (see route.ts): the
 * instructor's dashboard, a student's join form and room, or the projector view of a room's code.
 */
export function startClassroom(root: HTMLElement): void {
  const route = classroomRoute(location.hash)
  if (!route) return
  applyDocumentLanguage()
  const shell = createShell(root)
  if (route.kind === 'instructor') startDashboard(shell, route.adminKey)
  else if (route.kind === 'projector') {
    const draw = () => {
      document.title = t('doc.projector', { code: route.code })
      shell.show(
        'projector',
        () => renderProjector({ code: route.code, title: null, joined: null }, null),
        t('app.subtitle'),
      )
    }
    onLanguageChange(draw)
    draw()
    // The link and QR code carry the address the server reports students reach: drawn again once known.
    void learnJoinBase(new ClassroomClient(location.origin)).then((known) => known && draw())
  } else startStudent(shell, route)
}
