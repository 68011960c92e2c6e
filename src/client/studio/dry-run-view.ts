/**
 * The dry run beside the forms, in plain words: how the responding side answers every package the proposing
 * sides can put on the table at the start, which red lines those packages cross, which instruments it never
 * accepts, which endings the explored games reach, whether each side can come out ahead, the events that
 * never happen and the balance warnings. The same findings as `npm run analyze` prints, in the interface's
 * language (the warnings and reasons are the analyser's own sentences, as the command line gives them).
 */
import type { Analysis } from '../../core/analyze/analysis.ts'
import type { Outlook } from '../../core/analyze/census.ts'
import { h, type View } from '../dom.ts'
import { formatNumber, type MessageKey, t } from '../i18n/index.ts'
import type { DryRun } from './check-protocol.ts'

/** What the dry run panel shows. */
export interface DryRunProps {
  dryRun: DryRun | null
  /** The text changed since the dry run shown, which is being worked out again. */
  stale: boolean
  /** The text has errors: no dry run until they are mended. */
  blocked: boolean
}

const OUTLOOKS: Array<[Outlook, MessageKey]> = [
  ['reject', 'studio.dry.reject'],
  ['demandRemoval', 'studio.dry.demandRemoval'],
  ['acceptAlways', 'studio.dry.acceptAlways'],
  ['acceptByChance', 'studio.dry.acceptByChance'],
  ['rejectAlways', 'studio.dry.rejectAlways'],
]

const percent = (part: number, whole: number) =>
  formatNumber(whole ? part / whole : 0, { style: 'percent', maximumFractionDigits: 1 })

function part(heading: string, items: View[] | string): View {
  return h('section', { class: 'dry-part' }, [
    h('h4', {}, heading),
    typeof items === 'string' ? h('p', {}, items) : h('ul', {}, items),
  ])
}

function report(a: Analysis, responder: string): View[] {
  const m = a.method
  const answers = OUTLOOKS.map(([key, label]) =>
    h('li', { key }, t(label, { count: a.answers[key], percent: percent(a.answers[key], a.answers.offers) })),
  )
  return [
    h(
      'p',
      {},
      m.exhaustive
        ? t('studio.dry.allPackages', { count: m.packages })
        : t('studio.dry.samplePackages', { count: m.packages }),
    ),
    part(t('studio.dry.answers', { responder, count: a.answers.offers }), answers),
    part(
      t('studio.dry.redLines'),
      a.redLines.length
        ? a.redLines.map((r) =>
            h('li', { key: r.id }, [
              t('studio.dry.redLine', {
                title: r.title,
                count: r.packages,
                percent: percent(r.packages, m.packages),
              }),
              r.examples[0]
                ? h('span', { class: 'hint' }, ` ${t('studio.dry.example', { package: r.examples[0].text })}`)
                : null,
            ]),
          )
        : t('studio.dry.noRedLines'),
    ),
    part(
      t('studio.dry.neverAccepted', { responder }),
      a.neverAccepted.length
        ? a.neverAccepted.map((x) =>
            h('li', { key: `${x.instrument}-${x.variant ?? ''}` }, `${x.name}: ${x.reason}.`),
          )
        : t('studio.dry.allAccepted', { responder }),
    ),
    part(
      t('studio.dry.endings'),
      a.endings.map((e) =>
        h(
          'li',
          { key: e.id },
          e.way
            ? t('studio.dry.reached', { title: e.title, count: e.way.rounds })
            : t('studio.dry.notReached', { title: e.title }),
        ),
      ),
    ),
    part(
      t('studio.dry.sides'),
      a.sides.map((s) =>
        h(
          'li',
          { key: s.id },
          s.best === null
            ? t('studio.dry.noGame', { side: s.name })
            : t(s.canComeOutAhead ? 'studio.dry.ahead' : 'studio.dry.notAhead', {
                side: s.name,
                best: formatNumber(s.best),
                par: formatNumber(s.par),
              }),
        ),
      ),
    ),
    part(
      t('studio.dry.events'),
      a.eventsNeverFired.length
        ? a.eventsNeverFired.map((e) => h('li', { key: e.id }, e.title))
        : t(m.events ? 'studio.dry.allEvents' : 'studio.dry.noEvents'),
    ),
    part(
      t('studio.dry.warnings'),
      a.warnings.length
        ? a.warnings.map((w, i) => h('li', { key: `${w.code}-${i}` }, `${w.message}.`))
        : t('studio.dry.noWarnings'),
    ),
    m.trimmed ? h('p', { class: 'hint' }, t('studio.dry.trimmed')) : null,
  ].filter((v): v is View => v !== null)
}

/** The dry run panel. */
export function renderDryRun(props: DryRunProps): View {
  const { dryRun } = props
  const status = props.blocked
    ? t('studio.dry.blocked')
    : !dryRun
      ? t('studio.dry.working')
      : props.stale
        ? t('studio.dry.updating')
        : t('studio.dry.took', {
            seconds: formatNumber(Math.max(0.1, dryRun.ms / 1000), { maximumFractionDigits: 1 }),
          })
  return h(
    'section',
    {
      class: 'studio-dry-run',
      'aria-labelledby': 'studio-dry-heading',
      'aria-busy': props.stale ? 'true' : null,
    },
    [
      h('h3', { id: 'studio-dry-heading' }, t('studio.dry.heading')),
      h('p', { class: 'hint' }, status),
      dryRun?.analysis
        ? h(
            'div',
            { class: props.stale || props.blocked ? 'dry-body stale' : 'dry-body' },
            report(dryRun.analysis, dryRun.responder),
          )
        : dryRun?.error
          ? h('p', { class: 'studio-error' }, t('studio.dry.failed', { error: dryRun.error }))
          : null,
    ],
  )
}
