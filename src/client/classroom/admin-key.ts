import { useState } from 'preact/hooks'
import { button, component, h, useUid, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'

interface AdminKeyProps {
  refused: boolean
  onOpen: (key: string) => void
  onBack: () => void
}

function AdminKeyForm({ refused, onOpen, onBack }: AdminKeyProps): View {
  const id = useUid('admin')
  const [key, setKey] = useState('')
  return h('div', { class: 'dashboard' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.dashboard.heading')),
    h(
      'p',
      {},
      refused
        ? t('classroom.dashboard.badAdminKey')
        : t('classroom.dashboard.needKey', { command: 'npm run classroom' }),
    ),
    h('div', { class: 'field' }, [
      h('label', { for: id }, t('classroom.dashboard.adminKey')),
      h('input', {
        id,
        type: 'text',
        autocomplete: 'off',
        spellcheck: false, // the property: the string 'false' would turn it on
        value: key,
        oninput: (e: Event) => setKey((e.currentTarget as HTMLInputElement).value),
      }),
    ]),
    h('div', { class: 'actions' }, [
      button(t('classroom.dashboard.open'), () => {
        if (key.trim()) onOpen(key.trim())
      }),
      button(t('classroom.backToGame'), onBack),
    ]),
  ])
}

/**
 * The dashboard without the session's admin key (the instructor's link was not used, or this tab lost it):
 * where to find the link, and a field to type the key. `refused` says the server did not know the last one.
 */
export function renderAdminKeyForm(
  refused: boolean,
  onOpen: (key: string) => void,
  onBack: () => void,
): View {
  return component(AdminKeyForm, { refused, onOpen, onBack })
}
