import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CHART_BOX,
  chartGeometry,
  chartRange,
  chartSummary,
  linearScale,
  linePath,
  type MarkerShape,
  markerPath,
  meterCourse,
  niceTicks,
  plotted,
  SERIES_STYLES,
  seriesStyle,
  shown,
  signed,
} from '../../src/client/render/debrief/chart-math.ts'
import { roundsText } from '../../src/client/render/debrief/scores.ts'
import type { MeterSeries } from '../../src/core/debrief/timeline.ts'

const meter = (id: string, values: number[], over: Partial<MeterSeries> = {}): MeterSeries => ({
  id,
  name: id.charAt(0).toUpperCase() + id.slice(1),
  min: 0,
  max: 100,
  better: 'higher',
  values,
  ...over,
})

const numbers = (path: string) => (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)

describe('chart scales and ticks', () => {
  it('maps a domain onto a range, reversed ranges included', () => {
    const y = linearScale([0, 100], [250, 10])
    expect(y(0)).toBe(250)
    expect(y(100)).toBe(10)
    expect(y(50)).toBe(130)
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5)
  })

  it('chooses round ticks that cover the range', () => {
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100])
    expect(niceTicks(0, 10)).toEqual([0, 2.5, 5, 7.5, 10])
    expect(niceTicks(-5, 5)).toEqual([-5, -2.5, 0, 2.5, 5])
    expect(niceTicks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1])
    expect(niceTicks(3, 3)).toEqual([3])
    expect(niceTicks(100, 0)).toEqual([0, 25, 50, 75, 100])
    expect(niceTicks(Number.NaN, 1)).toEqual([])
  })

  it('gives increasing, evenly spaced ticks inside any range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 5000 }), (min, width) => {
        const ticks = niceTicks(min, min + width)
        expect(ticks.length).toBeGreaterThanOrEqual(2)
        expect(ticks.length).toBeLessThanOrEqual(10)
        const step = (ticks[1] as number) - (ticks[0] as number)
        ticks.forEach((t, i) => {
          expect(t).toBeGreaterThanOrEqual(min - 1e-9)
          expect(t).toBeLessThanOrEqual(min + width + 1e-9)
          if (i > 0) expect(t - (ticks[i - 1] as number)).toBeCloseTo(step, 6)
        })
      }),
    )
  })
})

describe('chart paths and markers', () => {
  it('draws a line through the points in order', () => {
    expect(linePath([])).toBe('')
    expect(linePath([{ x: 1, y: 2 }])).toBe('M1 2')
    expect(
      linePath([
        { x: 1.234, y: 2 },
        { x: 3, y: 4.005 },
      ]),
    ).toBe('M1.23 2 L3 4.01')
  })

  it('draws every marker shape around its centre, each one differently', () => {
    const shapes: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross']
    const paths = shapes.map((s) => markerPath(s, 100, 50, 5))
    expect(new Set(paths).size).toBe(shapes.length)
    for (const path of paths.filter((_, i) => shapes[i] !== 'circle')) {
      expect(path.startsWith('M')).toBe(true)
      const n = numbers(path.replace(/[HV]/g, ' '))
      expect(n.every(Number.isFinite)).toBe(true)
    }
    const [x0, y0] = numbers(markerPath('square', 100, 50, 5))
    expect([x0, y0]).toEqual([95.5, 45.5])
  })

  it('tells every line apart by colour, dash and marker, and repeats the styles after the last', () => {
    const n = SERIES_STYLES.length
    for (const key of ['colour', 'dash', 'marker'] as const)
      expect(new Set(SERIES_STYLES.map((s) => s[key])).size).toBe(n)
    expect(seriesStyle(n)).toEqual(seriesStyle(0))
    expect(seriesStyle(-1)).toEqual(seriesStyle(n - 1))
  })
})

describe('chart layout', () => {
  it('draws meters that share a range on that range, and others as a percentage of their own', () => {
    expect(chartRange([meter('a', [1]), meter('b', [2])])).toEqual({ min: 0, max: 100, percent: false })
    expect(chartRange([meter('a', [1], { min: -10, max: 10 })])).toEqual({
      min: -10,
      max: 10,
      percent: false,
    })
    const mixed = [meter('a', [1]), meter('b', [2], { min: 0, max: 10 })]
    const range = chartRange(mixed)
    expect(range.percent).toBe(true)
    expect(plotted(mixed[1] as MeterSeries, 5, range)).toBe(50)
    expect(chartRange([])).toEqual({ min: 0, max: 100, percent: false })
  })

  it('places rounds 0..N across the plot and values up it', () => {
    const box = CHART_BOX
    const g = chartGeometry([meter('escalation', [30, 58, 94]), meter('deterrence', [20, 20, 100])], box)
    expect(g.xTicks.map((t) => t.label)).toEqual(['Start', '1', '2'])
    expect(g.yTicks.map((t) => t.label)).toEqual(['0', '25', '50', '75', '100'])
    expect(g.yTitle).toBe('Value (0–100)')
    const [a, b] = g.series
    expect(a?.points).toHaveLength(3)
    expect(a?.points[0]?.x).toBe(box.left)
    expect(a?.points[2]?.x).toBe(box.width - box.right)
    expect(b?.points[2]?.y).toBe(box.top)
    expect(g.yTicks[0]?.y).toBe(box.height - box.bottom)
    expect(a?.path.startsWith(`M${box.left} `)).toBe(true)
    expect(a?.style).not.toEqual(b?.style)
  })

  it('keeps one point, before any round, on the plot', () => {
    const g = chartGeometry([meter('a', [40])])
    expect(g.xTicks).toEqual([{ round: 0, x: CHART_BOX.left, label: 'Start' }])
    expect(g.series[0]?.path).toMatch(/^M\S+ \S+$/)
  })

  it('keeps every point of any game inside the plot box', () => {
    const box = CHART_BOX
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (series) => {
          const g = chartGeometry(series.map((values, i) => meter(`m${i}`, values)))
          for (const s of g.series)
            for (const p of s.points) {
              expect(p.x).toBeGreaterThanOrEqual(box.left)
              expect(p.x).toBeLessThanOrEqual(box.width - box.right)
              expect(p.y).toBeGreaterThanOrEqual(box.top)
              expect(p.y).toBeLessThanOrEqual(box.height - box.bottom)
            }
        },
      ),
    )
  })
})

describe('chart words', () => {
  it('summarises each meter for the accessible name', () => {
    const escalation = meter('escalation', [30, 58, 41], { better: 'lower' })
    expect(meterCourse(escalation)).toBe(
      'Escalation (lower is better): 30 at the start, 41 at the end (up, peak 58)',
    )
    expect(meterCourse(meter('cohesion', [60, 20, 60]))).toBe(
      'Cohesion (higher is better): 60 at the start, 60 at the end (unchanged, low 20)',
    )
    const summary = chartSummary([escalation, meter('cohesion', [60, 50, 47])])
    expect(summary).toMatch(/^Line chart of 2 meters from the start through 2 rounds\. /)
    expect(summary).toContain('Cohesion (higher is better): 60 at the start, 47 at the end (down)')
    expect(chartSummary([])).toBe('Line chart of 0 meters from the start through 0 rounds.')
  })

  it('writes numbers with a true minus sign and signs points', () => {
    expect(shown(-3.3)).toBe('−3.3')
    expect(shown(1.26)).toBe('1.3')
    expect(shown(-0.04)).toBe('0')
    expect(shown(-0.04, 2)).toBe('−0.04')
    expect(signed(19.5)).toBe('+19.5')
    expect(signed(-10)).toBe('−10')
    expect(signed(0)).toBe('0')
    expect(signed(0.96, 2)).toBe('+0.96')
  })

  it('names rounds in prose', () => {
    expect(roundsText([2])).toBe('round 2')
    expect(roundsText([1, 2])).toBe('rounds 1 and 2')
    expect(roundsText([1, 2, 4])).toBe('rounds 1, 2 and 4')
  })
})
