import { useState } from 'preact/hooks'
import { button, component, h, useUid, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { reportedJoinBase } from './join-address.ts'
import { qrSvg } from './qr.ts'
import { joinAddress, joinLink, type RoomEntry } from './rooms.ts'

/** What the join block's buttons do. */
export interface JoinBlockActions {
  copy: (text: string, what: string) => void
  projector: (code: string) => void
  /** Uses the key typed for a room this device has no key of. */
  useKey: (key: string) => void
}

/**
 * How students join: the code in large type, the join link as text and as a QR code (with the address to
 * type under it), and the projector view. The link is the address the server reports students reach.
 */
function joinBlock(entry: RoomEntry, actions: JoinBlockActions): View {
  const base = reportedJoinBase()
  const link = joinLink(entry.code, base)
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
    h('figure', { class: 'qr-figure' }, [
      qrSvg(link, t('classroom.qrLabel', { link })),
      h(
        'figcaption',
        { class: 'join-address' },
        t('classroom.panel.address', { address: joinAddress(base) }),
      ),
    ]),
  ])
}

/** The room's private instructor key, hidden until asked for, with a copy button; or a field to type it in. */
function KeyBlock({ entry, actions }: { entry: RoomEntry; actions: JoinBlockActions }): View {
  const [typed, setTyped] = useState('')
  /** The instructor key is shown. */
  const [revealed, setRevealed] = useState(false)
  const id = useUid('key')
  const { key } = entry
  if (!key)
    return h('div', { class: 'key-block' }, [
      h('p', {}, t('classroom.panel.noKey')),
      entry.error ? h('p', { class: 'form-error', role: 'alert' }, entry.error) : null,
      h('div', { class: 'field' }, [
        h('label', { for: id }, t('classroom.panel.keyInput', { code: entry.code })),
        h('input', {
          id,
          type: 'text',
          autocomplete: 'off',
          spellcheck: false, // the property: the string 'false' would turn it on
          value: typed,
          oninput: (e: Event) => setTyped((e.currentTarget as HTMLInputElement).value),
        }),
      ]),
      button(t('classroom.panel.useKey'), () => {
        if (typed.trim()) actions.useKey(typed.trim())
      }),
    ])
  return h('div', { class: 'key-block' }, [
    h('p', {}, [
      h('strong', {}, t('classroom.panel.key')),
      ' ',
      revealed
        ? h('code', { class: 'secret' }, key)
        : h('span', { class: 'hidden-key' }, t('classroom.panel.keyHidden')),
    ]),
    h('p', { class: 'hint' }, t('classroom.panel.keyHint')),
    h('div', { class: 'actions' }, [
      button(
        revealed ? t('classroom.panel.hideKey') : t('classroom.panel.showKey'),
        () => setRevealed(!revealed),
        { 'aria-expanded': revealed ? 'true' : 'false', class: 'small' },
      ),
      button(t('classroom.panel.copyKey'), () => actions.copy(key, t('classroom.panel.keyCopied')), {
        class: 'small',
      }),
    ]),
  ])
}

/**
 * The join block and the key block of a room's panel. The key block keeps its own state: whether the key is
 * shown, and the key typed for a room this device has no key of.
 */
export function renderJoinAndKey(entry: RoomEntry, actions: JoinBlockActions): View {
  return h('div', { class: 'room-access' }, [
    joinBlock(entry, actions),
    component(KeyBlock, { entry, actions }),
  ])
}
