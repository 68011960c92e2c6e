import { h as preactH } from 'preact'
import type { MeterSeries } from '../../../core/debrief/timeline.ts'
import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import {
  betterText,
  type ChartGeometry,
  chartGeometry,
  chartSummary,
  coord,
  markerPath,
  roundLabel,
  type SeriesStyle,
  shown,
} from './chart-math.ts'
import { tableRegion } from './table-region.ts'

/**
 * An SVG element (Preact makes everything under an `<svg>` in the SVG namespace); text goes in as text, never
 * parsed. dom.ts's `h` takes HTML tag names only, hence this one for the chart's SVG tags.
 */
function svg(
  tag: string,
  attrs: Record<string, string | number> = {},
  children: Array<View | string> = [],
): View {
  return preactH(tag, attrs, children)
}

const MARKER_R = 5

function axes(g: ChartGeometry): View {
  const { box } = g
  const bottom = box.height - box.bottom
  const right = box.width - box.right
  const parts: View[] = []
  for (const t of g.yTicks) {
    parts.push(svg('line', { class: 'grid', x1: box.left, x2: right, y1: coord(t.y), y2: coord(t.y) }))
    parts.push(
      svg('text', { class: 'tick', x: box.left - 8, y: coord(t.y), 'text-anchor': 'end', dy: '0.32em' }, [
        t.label,
      ]),
    )
  }
  for (const t of g.xTicks) {
    parts.push(
      svg('line', { class: 'tick-mark', x1: coord(t.x), x2: coord(t.x), y1: bottom, y2: bottom + 5 }),
    )
    parts.push(
      svg('text', { class: 'tick', x: coord(t.x), y: bottom + 20, 'text-anchor': 'middle' }, [t.label]),
    )
  }
  parts.push(svg('line', { class: 'axis', x1: box.left, x2: right, y1: bottom, y2: bottom }))
  parts.push(svg('line', { class: 'axis', x1: box.left, x2: box.left, y1: box.top, y2: bottom }))
  const midX = (box.left + right) / 2
  parts.push(
    svg('text', { class: 'axis-title', x: midX, y: box.height - 6, 'text-anchor': 'middle' }, [
      t('chart.axisRound'),
    ]),
  )
  const midY = (box.top + bottom) / 2
  parts.push(
    svg(
      'text',
      { class: 'axis-title', transform: `translate(14 ${coord(midY)}) rotate(-90)`, 'text-anchor': 'middle' },
      [g.yTitle],
    ),
  )
  return svg('g', { class: 'axes' }, parts)
}

function lineAttrs(style: SeriesStyle): Record<string, string | number> {
  const attrs: Record<string, string | number> = { fill: 'none', stroke: style.colour, 'stroke-width': 3 }
  if (style.dash) attrs['stroke-dasharray'] = style.dash
  return attrs
}

function markerAttrs(style: SeriesStyle): Record<string, string | number> {
  // A cross is a stroke; the other markers are filled, with a white rim to stand out where lines cross.
  return style.marker === 'cross'
    ? { fill: 'none', stroke: style.colour, 'stroke-width': 2.5 }
    : { fill: style.colour, stroke: '#ffffff', 'stroke-width': 1.5 }
}

function lines(g: ChartGeometry): View {
  return svg(
    'g',
    { class: 'series' },
    g.series.map((s) =>
      svg('g', { key: s.id, 'data-meter': s.id }, [
        svg('path', { d: s.path, ...lineAttrs(s.style), 'stroke-linejoin': 'round' }),
        ...s.points.map((p) =>
          svg('path', { d: markerPath(s.style.marker, p.x, p.y, MARKER_R), ...markerAttrs(s.style) }, [
            svg('title', {}, [
              p.round === 0
                ? t('chart.point.start', { meter: s.name, value: shown(p.value) })
                : t('chart.point.after', { meter: s.name, round: p.round, value: shown(p.value) }),
            ]),
          ]),
        ),
      ]),
    ),
  )
}

/** A small sample of a line's style (dash and marker), for the legend; hidden from screen readers. */
function swatch(style: SeriesStyle): View {
  return svg('svg', { class: 'swatch', viewBox: '0 0 44 16', width: 44, height: 16, 'aria-hidden': 'true' }, [
    svg('path', { d: 'M2 8 L42 8', ...lineAttrs(style) }),
    svg('path', { d: markerPath(style.marker, 22, 8, MARKER_R), ...markerAttrs(style) }),
  ])
}

function legend(g: ChartGeometry, meters: readonly MeterSeries[]): View {
  return h(
    'ul',
    { class: 'chart-legend', 'aria-label': t('chart.legend') },
    g.series.map((s, i) => {
      const m = meters[i]
      return h('li', { key: s.id }, [
        swatch(s.style),
        h('span', {}, [
          h('span', { class: 'legend-name' }, s.name),
          m ? h('span', { class: 'legend-note' }, ` (${betterText(m.better)})`) : null,
        ]),
      ])
    }),
  )
}

/** The chart's data as a table, for screen readers and for reading exact values. */
export function meterTable(meters: readonly MeterSeries[]): View {
  const rounds = Math.max(0, ...meters.map((m) => m.values.length - 1))
  const heads = Array.from({ length: rounds + 1 }, (_, r) =>
    r === 0 ? t('chart.start') : t('chart.afterRound', { round: r }),
  )
  return h('table', { class: 'data meter-table' }, [
    h('caption', {}, t('chart.tableCaption')),
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, t('common.meter')),
        ...heads.map((t) => h('th', { scope: 'col' }, t)),
      ]),
    ),
    h(
      'tbody',
      {},
      meters.map((m) =>
        h('tr', { key: m.id }, [
          h('th', { scope: 'row' }, m.name),
          ...m.values.map((v) => h('td', { class: 'num' }, shown(v))),
        ]),
      ),
    ),
  ])
}

/**
 * The meters over the rounds: an inline SVG line chart (one line per meter, each with its own colour, dash
 * and marker, rounds 0..N on the x axis), its legend, and the same values as a table behind a disclosure
 * (in a region of its own that scrolls sideways, a long game's table being wider than a phone).
 */
export function renderMeterChart(meters: readonly MeterSeries[]): View {
  const g = chartGeometry(meters)
  const chart = svg(
    'svg',
    {
      class: 'meter-chart',
      viewBox: `0 0 ${g.box.width} ${g.box.height}`,
      role: 'img',
      'aria-label': chartSummary(meters),
      preserveAspectRatio: 'xMidYMid meet',
    },
    [axes(g), lines(g)],
  )
  const rounds = g.xTicks.map((t) => roundLabel(t.round))
  return h('figure', { class: 'chart' }, [
    chart,
    legend(g, meters),
    h('figcaption', { class: 'hint' }, t('chart.caption', { count: rounds.length - 1 })),
    h('details', { class: 'chart-data' }, [
      h('summary', {}, t('chart.tableToggle')),
      tableRegion(t('chart.tableCaption'), meterTable(meters)),
    ]),
  ])
}
