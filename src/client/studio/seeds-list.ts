/**
 * The articles of the scenario (`seeds:`) in the Sources panel: each with its title, outlet, date and web
 * address to edit, and the problems the checker finds at them; a button to read it and quote from it, and
 * one to remove it. The name quotes cite it by is shown, not edited (a new name would orphan every quote),
 * and so is the text, which is read in the reader: quotes are checked against it.
 */
import { useMemo } from 'preact/hooks'
import type { Problem } from '../../core/scenario/load/problems.ts'
import { button, component, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { StudioEdit } from './edits.ts'
import { asList, asRecord, type FormCtx } from './forms/context.ts'
import { field, group } from './forms/field.ts'
import { textBox } from './forms/inputs.ts'
import { ProblemIndex } from './forms/problem-paths.ts'
import { scenarioLanguage } from './scenario-language.ts'

/** What the list is given. */
export interface SeedsListProps {
  data: unknown
  problems: readonly Problem[]
  edit: (e: StudioEdit) => void
  /** The article read in the reader, and how to read another. */
  reading: string | null
  read: (file: string) => void
}

const DETAILS = [
  ['title', 'studio.sources.title'],
  ['outlet', 'studio.sources.outlet'],
  ['date', 'studio.sources.date'],
  ['url', 'studio.sources.url'],
] as const

function SeedsList(props: SeedsListProps): View {
  const problems = useMemo(() => new ProblemIndex(props.problems), [props.problems])
  const ctx: FormCtx = { data: props.data, problems, edit: props.edit }
  const seeds = asList(asRecord(props.data).seeds).map(asRecord)
  const lang = scenarioLanguage(props.data)
  return h('section', { class: 'seeds-list', 'aria-labelledby': 'seeds-heading' }, [
    h('h4', { id: 'seeds-heading' }, t('studio.sources.listHeading', { count: seeds.length })),
    ...seeds.map((seed, i) => {
      const file = typeof seed.file === 'string' ? seed.file : ''
      const text = typeof seed.text === 'string' ? seed.text : ''
      const legend = typeof seed.title === 'string' && seed.title ? seed.title : file
      return h('div', { key: `${i}-${file}` }, [
        group({
          ctx,
          path: ['seeds', i],
          legend: t('studio.sources.legend', { n: i + 1 }),
          drawn: DETAILS.map(([key]) => key),
          children: [
            h('p', { class: 'meta' }, [
              t('studio.sources.citedAs'),
              ' ',
              h('code', { lang }, file),
              ' · ',
              text ? t('studio.sources.length', { count: text.length }) : t('studio.sources.fromLibrary'),
            ]),
            ...DETAILS.map(([key, label]) =>
              field({
                ctx,
                path: ['seeds', i, key],
                label: t(label),
                control: (attrs) =>
                  textBox({
                    attrs,
                    value: typeof seed[key] === 'string' ? (seed[key] as string) : '',
                    onInput: (value) =>
                      props.edit(
                        value.trim()
                          ? { op: 'set', path: ['seeds', i, key], value }
                          : { op: 'remove', path: ['seeds', i, key] },
                      ),
                  }),
              }),
            ),
            h('div', { class: 'actions' }, [
              props.reading === file
                ? null
                : button(t('studio.sources.readThis'), () => props.read(file), {
                    class: 'small',
                    'aria-label': t('studio.sources.readThisLabel', { title: legend }),
                  }),
              button(t('studio.sources.remove'), () => props.edit({ op: 'remove', path: ['seeds', i] }), {
                class: 'small',
                'aria-label': t('studio.sources.removeLabel', { title: legend }),
              }),
            ]),
          ],
        }),
      ])
    }),
  ])
}

/** The list of the scenario's articles. */
export function renderSeedsList(props: SeedsListProps): View {
  return component(SeedsList, props)
}
