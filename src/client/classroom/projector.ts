import { button, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { QUOTE_LANGUAGE } from '../i18n/parts.ts'
import { langAttr } from '../i18n/scenario.ts'
import { reportedJoinBase } from './join-address.ts'
import { qrSvg } from './qr.ts'
import { joinAddress, joinLink } from './rooms.ts'

/** What the projector view shows besides the code: the room's scenario and how many have joined, when known. */
export interface ProjectorInfo {
  code: string
  title: string | null
  joined: number | null
}

/**
 * The view for the class's screen: how to join, the code in very large type, the join link and its QR code
 * (big enough to scan from the back of a room), and how many students have joined. Nothing private: no key.
 */
export function renderProjector(info: ProjectorInfo, onBack: (() => void) | null): View {
  // The address the server reports students reach, not the one this page was opened with (often localhost).
  const base = reportedJoinBase()
  const link = joinLink(info.code, base)
  return h('div', { class: 'projector' }, [
    h('div', { class: 'projector-text' }, [
      h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.projector.heading')),
      // The scenario's title as the room gives it, in the scenario's (its articles') language.
      info.title ? h('p', { class: 'lead', ...langAttr(QUOTE_LANGUAGE) }, info.title) : null,
      h('p', { class: 'projector-how' }, t('classroom.projector.how', { address: joinAddress(base) })),
      h('p', { class: 'projector-code' }, info.code),
      h('p', { class: 'projector-link' }, link),
      info.joined === null
        ? null
        : h('p', { class: 'projector-count' }, t('classroom.projector.joined', { count: info.joined })),
      onBack ? button(t('classroom.projector.back'), onBack) : null,
    ]),
    qrSvg(link, t('classroom.qrLabel', { link }), 'qr projector-qr'),
  ])
}
