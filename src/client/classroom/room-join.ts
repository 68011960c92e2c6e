import { button, h, uid } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { qrSvg } from './qr.ts'
import { joinLink, type RoomEntry } from './rooms.ts'

/** What the join block's buttons do. */
export interface JoinBlockActions {
  copy: (text: string, what: string) => void
  projector: (code: string) => void
  /** Shows or hides the instructor key. */
  reveal: () => void
  /** Uses the key typed for a room this device has no key of. */
  useKey: () => void
}

/** How students join: the code in large type, the join link as text and as a QR code, and the projector view. */
function joinBlock(entry: RoomEntry, actions: JoinBlockActions): HTMLElement {
  const link = joinLink(entry.code)
  return h('div', { class: 'join-block' }, [
    h('div', { class: 'join-text' }, [
      h('p', { class: 'hint' }, t('classroom.panel.codeLabel')),
      h('p', { class: 'join-code' }, entry.code),
      h('p', {}, [
        t('classroom.panel.link'),
        ' ',
        h('a', { href: link, target: '_blank', rel: 'noopener', class: 'join-link' }, link),
      ]),
      h('div', { class: 'actions' }, [
        button(t('classroom.panel.copyLink'), () => actions.copy(link, t('classroom.panel.linkCopied'))),
        button(t('classroom.panel.projector'), () => actions.projector(entry.code)),
      ]),
    ]),
    qrSvg(link, t('classroom.qrLabel', { link })),
  ])
}

/** The room's private instructor key, hidden until asked for, with a copy button; or a field to type it in. */
function keyBlock(entry: RoomEntry, actions: JoinBlockActions): HTMLElement {
  const { key, draft } = entry
  if (!key) {
    const id = uid('key')
    return h('div', { class: 'key-block' }, [
      h('p', {}, t('classroom.panel.noKey')),
      entry.error ? h('p', { class: 'form-error', role: 'alert' }, entry.error) : null,
      h('div', { class: 'field' }, [
        h('label', { for: id }, t('classroom.panel.keyInput', { code: entry.code })),
        h('input', {
          id,
          type: 'text',
          'data-key': `key-input:${entry.code}`,
          autocomplete: 'off',
          spellcheck: 'false',
          value: draft.keyInput,
          oninput: (e) => {
            draft.keyInput = (e.target as HTMLInputElement).value
          },
        }),
      ]),
      button(t('classroom.panel.useKey'), actions.useKey),
    ])
  }
  return h('div', { class: 'key-block' }, [
    h('p', {}, [
      h('strong', {}, t('classroom.panel.key')),
      ' ',
      draft.revealed
        ? h('code', { class: 'secret' }, key)
        : h('span', { class: 'hidden-key' }, t('classroom.panel.keyHidden')),
    ]),
    h('p', { class: 'hint' }, t('classroom.panel.keyHint')),
    h('div', { class: 'actions' }, [
      button(draft.revealed ? t('classroom.panel.hideKey') : t('classroom.panel.showKey'), actions.reveal, {
        'aria-expanded': draft.revealed ? 'true' : 'false',
        'data-key': `reveal:${entry.code}`,
        class: 'small',
      }),
      button(t('classroom.panel.copyKey'), () => actions.copy(key, t('classroom.panel.keyCopied')), {
        class: 'small',
      }),
    ]),
  ])
}

/** The join block and the key block of a room's panel. */
export function renderJoinAndKey(entry: RoomEntry, actions: JoinBlockActions): HTMLElement {
  return h('div', { class: 'room-access' }, [joinBlock(entry, actions), keyBlock(entry, actions)])
}
