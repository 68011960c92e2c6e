import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { nameOf } from '../view.ts'

/**
 * Named roles within a side (a lead negotiator, advisers) as the classroom's screens show and choose them:
 * the scenario lists them per side, the instructor gives them (or the student picks one, when students pick
 * their sides). A role is shown beside the side: "Ukraine, lead negotiator".
 */

/** A side's named roles, in the interface's language; none for an observer or a side without roles. */
export function rolesOf(index: ScenarioIndex, side: string | null) {
  return (side === null ? undefined : index.sides.get(side)?.roles) ?? []
}

/** A seat's side with its role, "Ukraine, lead negotiator"; "Observer" for a seat with no side. */
export function sideRoleLabel(index: ScenarioIndex, side: string | null, role?: string): string {
  if (side === null) return t('classroom.noSide')
  const found = rolesOf(index, side).find((r) => r.id === role)
  return found
    ? t('classroom.sideRole', { side: nameOf(index, side), role: found.name })
    : nameOf(index, side)
}

/**
 * A select of the side's roles (and "No role") for one seat; null when the side has none. `label` names the
 * select for screen readers; `onRole` gets the chosen role's id, or null.
 */
export function roleSelect(
  index: ScenarioIndex,
  side: string | null,
  role: string | undefined,
  attrs: { label: string; disabled?: boolean; id?: string },
  onRole: (role: string | null) => void,
): View | null {
  const roles = rolesOf(index, side)
  if (roles.length === 0) return null
  return h(
    'select',
    {
      ...(attrs.id ? { id: attrs.id } : { 'aria-label': attrs.label }),
      class: 'role-select',
      value: role ?? '',
      disabled: attrs.disabled ?? false,
      onchange: (e: Event) => onRole((e.currentTarget as HTMLSelectElement).value || null),
    },
    [
      h('option', { value: '' }, t('classroom.noRole')),
      ...roles.map((r) => h('option', { value: r.id, key: r.id }, r.name)),
    ],
  )
}
