import { describe, expect, it } from 'vitest'
import { plainEmblem } from '../../src/client/stage/assets.ts'
import { RESPONDER_COLOUR, sideColour } from '../../src/client/stage/draw.ts'
import { fitInside } from '../../src/client/stage/image-backdrop.ts'
import { computeLayout } from '../../src/client/stage/layout.ts'
import { stageBackdrop } from '../../src/client/stage/model.ts'
import { tableGeometry } from '../../src/client/stage/table-backdrop.ts'
import { tokenSpots } from '../../src/client/stage/tokens.ts'
import { checkStageImage } from '../../src/core/scenario/load/stage-image.ts'
import { harbour, seedScenario } from './helpers.ts'

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=='

describe('the backdrop a scenario chooses', () => {
  it('is the map of Europe for the shipped scenario, and the table when a scenario chooses it', () => {
    expect(stageBackdrop(seedScenario())).toEqual({ kind: 'map', map: 'europe' })
    const index = harbour()
    expect(stageBackdrop({ scenario: { ...index.scenario, stage: { kind: 'table' } } })).toEqual({
      kind: 'table',
    })
  })

  it('draws a picture only from a data: address of a type the game draws; anything else is the table', () => {
    const { scenario } = harbour()
    const withImage = (image: string) => ({
      scenario: { ...scenario, stage: { kind: 'image' as const, image, alt: 'A' } },
    })
    expect(stageBackdrop(withImage(PNG))).toEqual({ kind: 'image', image: PNG })
    for (const image of [
      'data:image/gif;base64,R0lGODlh',
      'data:text/html,<script>',
      'https://example.org/a.png',
    ])
      expect(stageBackdrop(withImage(image)), image).toEqual({ kind: 'table' })
  })
})

describe('the table', () => {
  const sides = {
    proposers: ['north', 'south', 'east'],
    responder: 'harbour',
    order: ['north', 'south', 'east', 'harbour'],
  }

  it.each([
    [390, 200],
    [1280, 460],
    [1920, 460],
    [768, 322],
  ])('seats every side round the table, inside a %i × %i stage', (w, h) => {
    const { mapArea, pad } = computeLayout(w, h, null, 4)
    const g = tableGeometry(mapArea, pad, sides)
    expect([...g.seats.keys()]).toEqual(['north', 'south', 'east', 'harbour'])
    for (const seat of g.seats.values()) {
      expect(seat.x - g.seat / 2).toBeGreaterThanOrEqual(mapArea.x)
      expect(seat.x + g.seat / 2).toBeLessThanOrEqual(mapArea.x + mapArea.w)
      expect(seat.y - g.seat / 2).toBeGreaterThanOrEqual(mapArea.y)
      expect(seat.y + g.seat / 2).toBeLessThanOrEqual(mapArea.y + mapArea.h)
      // Each seat is outside the table top.
      expect(((seat.x - g.centre.x) / g.rx) ** 2 + ((seat.y - g.centre.y) / g.ry) ** 2).toBeGreaterThan(1)
    }
    // The responder sits at the head, across from every proposer.
    const head = g.seats.get('harbour')?.x ?? 0
    for (const side of sides.proposers) expect(g.seats.get(side)?.x ?? 0).toBeLessThan(head)
    expect(g.rx).toBeLessThanOrEqual(g.ry * 2.2 + 1e-9)
    // The sheet is inside the table.
    const corners: Array<[number, number]> = [
      [g.sheet.x, g.sheet.y],
      [g.sheet.x + g.sheet.w, g.sheet.y + g.sheet.h],
    ]
    for (const [x, y] of corners)
      expect(((x - g.centre.x) / g.rx) ** 2 + ((y - g.centre.y) / g.ry) ** 2).toBeLessThan(1)
  })

  it('lays any number of tokens out in rows inside their box, apart from each other', () => {
    const box = { x: 10, y: 20, w: 200, h: 100 }
    for (let n = 1; n <= 24; n++) {
      const { spots, r } = tokenSpots(box, n, 30)
      expect(spots).toHaveLength(n)
      expect(r).toBeGreaterThan(0)
      for (const p of spots) {
        expect(p.x - r).toBeGreaterThanOrEqual(box.x - 1e-9)
        expect(p.x + r).toBeLessThanOrEqual(box.x + box.w + 1e-9)
        expect(p.y - r).toBeGreaterThanOrEqual(box.y - 1e-9)
        expect(p.y + r).toBeLessThanOrEqual(box.y + box.h + 1e-9)
      }
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const a = spots[i] as { x: number; y: number }
          const b = spots[j] as { x: number; y: number }
          expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * r)
        }
    }
  })
})

describe('sides on a stage with no country in it', () => {
  it('colours the responder red and the proposers in order, whatever their ids', () => {
    const order = ['upstream', 'downstream', 'dam-authority']
    expect(sideColour('dam-authority', order)).toBe(RESPONDER_COLOUR)
    expect(new Set(order.map((s) => sideColour(s, order))).size).toBe(3)
    // The shipped scenario keeps the colours it always had.
    expect(
      ['ukraine', 'europe', 'us', 'russia'].map((s) => sideColour(s, ['ukraine', 'europe', 'us', 'russia'])),
    ).toEqual([0xf2c14e, 0x3cc6c0, 0x9db4ff, 0xe5484d])
  })

  it('gives each side a plain shield with a mark of its own, which the stage-picture check would let through', () => {
    const emblems = [0, 1, 2, 3, 4, 5, 6].map((place) => plainEmblem(0x3cc6c0, place))
    expect(new Set(emblems).size).toBe(7)
    for (const svg of emblems)
      expect(
        checkStageImage(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`),
      ).toMatchObject({ ok: true })
  })

  it('fits a picture inside its box, centred, keeping its shape', () => {
    expect(fitInside({ x: 0, y: 0, w: 400, h: 100 }, 1200, 800)).toEqual({ x: 125, y: 0, w: 150, h: 100 })
    expect(fitInside({ x: 10, y: 10, w: 100, h: 400 }, 200, 100)).toEqual({ x: 10, y: 185, w: 100, h: 50 })
  })
})
