import { MAPS, plainEmblem } from './assets.ts'
import type { BackdropContext, BackdropLayer } from './backdrop.ts'
import { sideColour } from './draw.ts'
import { ImageBackdrop } from './image-backdrop.ts'
import { EMBLEM_HEIGHT } from './layout.ts'
import { MapBackdrop } from './map-backdrop.ts'
import { isStageImage, type StageBackdrop, type StageModel } from './model.ts'
import { CHANNEL, type FromFrame, fromWindow, isToFrame, SAME_ORIGIN, type ToFrame } from './protocol.ts'
import { fetchText, type MapData, parseMap, rasterize } from './svg.ts'
import { TableBackdrop } from './table-backdrop.ts'

/**
 * The script of the stage's frame (`stage.html`): Phaser and the scene, in a realm of their own. It draws what
 * the page posts (see `protocol.ts`) and reads nothing else of the game; the page removes the frame to free it.
 * Phaser is imported only once a 2D canvas is known to work: its own feature tests would throw without one.
 */

const tell = (message: FromFrame) => window.parent.postMessage(message, SAME_ORIGIN)

/** The last model the page posted, and who follows it (the scene, once it runs). */
let latest: StageModel | null = null
const followers = new Set<(model: StageModel) => void>()
let started = false

function follow(model: StageModel): void {
  latest = model
  for (const follower of followers) follower(model)
}

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)')

/**
 * Phaser and the scene's code, imported once. The frame starts on them as soon as it loads: the page may load
 * it before its game starts (prepareStage in index.ts), and then nothing is left to run when the game comes.
 */
let modules: Promise<[typeof import('phaser'), typeof import('./game.ts')]> | null = null
const loadModules = () => {
  modules ??= Promise.all([import('phaser'), import('./game.ts')])
  return modules
}

async function start(message: Extract<ToFrame, { type: 'start' }>): Promise<void> {
  const { model } = message
  if (started) return follow(model)
  started = true
  latest = model
  // Without a 2D canvas nothing can be drawn.
  if (!document.createElement('canvas').getContext('2d')) throw new Error('this browser has no 2D canvas')
  const [P, { startGame }] = await loadModules()
  const { backdrop, map } = await loadBackdrop(message.backdrop)
  const sides = [...model.proposers, model.responder]
  // A shipped map may come with emblems for the sides it knows; every other side gets a plain shield.
  const known = message.backdrop.kind === 'map' ? MAPS[message.backdrop.map].emblems : {}
  const emblems = new Map<string, HTMLCanvasElement>()
  await Promise.all(
    sides.map(async (side, place) => {
      const url = known[side]
      const source = url ? await fetchText(url) : plainEmblem(sideColour(side, sides), place)
      emblems.set(side, await svg(source))
    }),
  )
  const parent = document.getElementById('stage')
  if (!parent) throw new Error('stage.html has no #stage element')
  const renderer = await startGame(P, parent, {
    current: () => latest ?? model,
    subscribe(follower) {
      followers.add(follower)
      return () => followers.delete(follower)
    },
    // The frame follows `prefers-reduced-motion` itself, also when it changes while the game is open:
    // nothing tweens, pulses or flashes; values jump to where they belong.
    reducedMotion: () => reducedMotion.matches,
    map,
    backdrop,
    emblems,
  })
  tell({ channel: CHANNEL, type: 'ready', renderer })
}

/**
 * Reads what the backdrop needs before the scene starts: the map's file, or the scenario's picture (a data:
 * address only: the frame fetches nothing from anywhere). A picture that cannot be drawn leaves the table.
 */
async function loadBackdrop(
  wanted: StageBackdrop,
): Promise<{ map: MapData | null; backdrop: (context: BackdropContext) => BackdropLayer }> {
  if (wanted.kind === 'map') {
    const spec = MAPS[wanted.map]
    const map = parseMap(await fetchText(spec.url), spec)
    return { map, backdrop: (context) => new MapBackdrop(context, map) }
  }
  if (wanted.kind === 'image' && isStageImage(wanted.image)) {
    try {
      const picture = new Image()
      picture.decoding = 'async'
      picture.src = wanted.image
      await picture.decode()
      return { map: null, backdrop: (context) => new ImageBackdrop(context, picture) }
    } catch (error) {
      console.warn("Red Lines stage: the scenario's picture could not be drawn; showing the table", error)
    }
  }
  return { map: null, backdrop: (context) => new TableBackdrop(context) }
}

/** An emblem drawn at the height the scene shows it at. */
const svg = (source: string) => rasterize(source, (EMBLEM_HEIGHT * 120) / 140, EMBLEM_HEIGHT)

window.addEventListener('message', (event) => {
  if (!fromWindow(event, window.parent) || !isToFrame(event.data)) return
  const message = event.data
  if (message.type === 'start')
    start(message).catch((error: unknown) => {
      // The page warns and removes the frame: the game goes on without the stage.
      tell({
        channel: CHANNEL,
        type: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      })
    })
  else follow(message.model)
})

// Only in a frame of the game's page: opened on its own, the page has nobody to talk to.
if (window.parent !== window) {
  tell({ channel: CHANNEL, type: 'hello' })
  // A failure shows when the game is given (start), which awaits the same import.
  if (document.createElement('canvas').getContext('2d')) loadModules().catch(() => {})
}
