import type * as Phaser from 'phaser'
import type { ResponseKind } from '../../core/scenario/schema/conditions.ts'
import { EMBLEM_RATIO, type Layout, type Rect } from './layout.ts'
import type { MarkerView } from './marker-shapes.ts'

/**
 * What the stage draws behind the game, whichever the scenario chose (a shipped map, the neutral table, its own
 * picture): the scene (`scene.ts`) draws what every stage has (emblems, meter gauges, the verdict's flash and the
 * responder's halo, the ending) and asks its backdrop for the rest through this interface.
 */
export interface BackdropLayer {
  /** Lays the backdrop out again for a new size of the canvas. */
  relayout(layout: Layout): void
  /** Where each side's emblem goes in the current layout. */
  emblemSpots(): Map<string, Rect>
  /** Draws the responder's place in the colour of its verdict (`strength` 0 to 1; 0 clears it). */
  tint(verdict: ResponseKind | null, strength: number): void
  /** Shows how strongly the package deters (0 to 1, tweened by the scene). */
  deterrence(shown: number): void
  /** Draws a marker of the package; `place` is its index among the package's `count` markers. */
  drawMarker(view: MarkerView, place: number, count: number): void
  /** Whether it is still drawing something in the background: the game loop stays awake meanwhile. */
  busy(): boolean
  /** Frees its textures and timers. */
  destroy(): void
}

/** The sides of the game, as every backdrop needs them. */
export interface StageSides {
  proposers: readonly string[]
  responder: string
  /** The proposers, then the responder: the order of their colours (see `sideColour`). */
  order: readonly string[]
}

/** What a backdrop is made with: the scene it draws into, the sides, and how to wake the idle game loop. */
export interface BackdropContext {
  scene: Phaser.Scene
  sides: StageSides
  kick: () => void
}

/** The emblems in a row along the top: the proposers from the left, the responder on the right. */
export function topRowEmblems(layout: Layout, sides: StageSides): Map<string, Rect> {
  const { pad, emblem, mapArea } = layout
  const ew = Math.round(emblem * EMBLEM_RATIO)
  const spots = new Map<string, Rect>()
  let x = mapArea.x + pad
  for (const side of sides.proposers) {
    spots.set(side, { x, y: pad, w: ew, h: emblem })
    x += ew + pad * 1.4
  }
  spots.set(sides.responder, { x: mapArea.x + mapArea.w - pad - ew, y: pad, w: ew, h: emblem })
  return spots
}
