import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { responderName } from '../../core/text/side-name.ts'
import type { RoomView } from '../../net/view.ts'
import { qrSvg } from '../classroom/qr.ts'
import { h, type View } from '../dom.ts'
import { formatDate, formatList, t } from '../i18n/index.ts'
import { nameOf } from '../view.ts'

/** What the teacher's sheet of a room is made of. */
export interface TeacherSheetInfo {
  code: string
  /** The join link, as the dashboard shows it and its QR code holds it (classroom/rooms.ts `joinLink`). */
  link: string
  /** The address students open to type the code in (classroom/rooms.ts `joinAddress`). */
  address: string
  /** The room's scenario as the instructor's device has it, in the interface's language. */
  index: ScenarioIndex
  view: RoomView
}

/** How a session goes, step by step, in the dashboard's own words. */
const steps = (index: ScenarioIndex): string[] => [
  t('print.step.join'),
  t('print.step.sides'),
  t('print.step.sheets'),
  t('print.step.run', { responder: responderName(index) }),
  t('print.step.end'),
]

/**
 * The sides and who sits on each: every proposing side with its students' names (a side left to the computer
 * once the game has started says so), the students with no side yet, and the responding side, which the
 * rules play.
 */
function sidesTable(index: ScenarioIndex, view: RoomView): View {
  const names = (side: string | null) => view.seats.filter((s) => s.side === side).map((s) => s.name)
  const started = view.humanSides !== null
  const row = (label: string, cell: string, key: string) =>
    h('tr', { key }, [h('th', { scope: 'row' }, label), h('td', {}, cell)])
  const unseated = names(null)
  return h('table', { class: 'print-table' }, [
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, t('print.side')),
        h('th', { scope: 'col' }, t('print.students')),
      ]),
    ),
    h('tbody', {}, [
      ...index.proposers.map((side) => {
        const seated = names(side)
        const cell = seated.length
          ? formatList(seated)
          : started && !view.humanSides?.includes(side)
            ? t('print.computerPlays')
            : t('print.nobodyYet')
        return row(nameOf(index, side), cell, side)
      }),
      unseated.length ? row(t('print.noSide'), formatList(unseated), '') : null,
      row(responderName(index), t('print.rulesPlay'), index.responder),
    ]),
  ])
}

/**
 * A room's sheet for the teacher: how students join (the code, the link and its QR code), the scenario, the
 * sides with the students seated on each (as they stand when printed, with the time), the round timer and
 * difficulty, and the steps of a session.
 */
export function renderTeacherSheet({ code, link, address, index, view }: TeacherSheetInfo): View {
  const { settings } = view
  const id = `print-room-${code}`
  return h('article', { class: 'print-sheet teacher-sheet', key: `room-${code}`, 'aria-labelledby': id }, [
    h('p', { class: 'print-kicker' }, index.scenario.title),
    h('h2', { id }, t('print.teacherHeading', { code })),
    h('div', { class: 'print-join' }, [
      h('div', {}, [
        h('p', { class: 'print-label' }, t('classroom.panel.codeLabel')),
        h('p', { class: 'print-code' }, code),
        h('p', { class: 'print-label' }, t('print.link')),
        h('p', { class: 'print-link' }, link),
        h('p', { class: 'print-label' }, t('print.address')),
        h('p', { class: 'print-link' }, address),
      ]),
      qrSvg(link, t('classroom.qrLabel', { link }), 'qr print-qr'),
    ]),
    h('section', { class: 'print-section' }, [
      h('h3', {}, t('print.settings')),
      h('ul', {}, [
        h('li', {}, t('print.rounds', { count: index.scenario.rounds })),
        h(
          'li',
          {},
          settings.timerSeconds === null
            ? t('classroom.panel.noTimer')
            : t('classroom.panel.timerIs', { minutes: settings.timerSeconds / 60 }),
        ),
        h('li', {}, t('print.difficulty', { level: t(`difficulty.${settings.difficulty}`) })),
        h('li', {}, t(settings.picking ? 'print.picking' : 'print.assigning')),
      ]),
    ]),
    h('section', { class: 'print-section' }, [
      h('h3', {}, t('print.sidesHeading')),
      h(
        'p',
        { class: 'print-note' },
        t('print.asOf', { when: formatDate(new Date(), { dateStyle: 'medium', timeStyle: 'short' }) }),
      ),
      sidesTable(index, view),
    ]),
    h('section', { class: 'print-section' }, [
      h('h3', {}, t('print.stepsHeading')),
      h(
        'ol',
        {},
        steps(index).map((step) => h('li', {}, step)),
      ),
    ]),
  ])
}
