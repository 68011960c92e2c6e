import { button, h, uid } from '../dom.ts'
import { t } from '../i18n/index.ts'

/**
 * The dashboard without the session's admin key (the instructor's link was not used, or this tab lost it):
 * where to find the link, and a field to type the key. `refused` says the server did not know the last one.
 */
export function renderAdminKeyForm(
  refused: boolean,
  onOpen: (key: string) => void,
  onBack: () => void,
): HTMLElement {
  const id = uid('admin')
  const input = h('input', {
    id,
    type: 'text',
    'data-key': 'admin-key',
    autocomplete: 'off',
    spellcheck: 'false',
  })
  return h('div', { class: 'dashboard' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.dashboard.heading')),
    h(
      'p',
      {},
      refused
        ? t('classroom.dashboard.badAdminKey')
        : t('classroom.dashboard.needKey', { command: 'npm run classroom' }),
    ),
    h('div', { class: 'field' }, [h('label', { for: id }, t('classroom.dashboard.adminKey')), input]),
    h('div', { class: 'actions' }, [
      button(t('classroom.dashboard.open'), () => {
        const key = input.value.trim()
        if (key) onOpen(key)
      }),
      button(t('classroom.backToGame'), onBack),
    ]),
  ])
}
