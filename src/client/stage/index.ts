import type { StoreApi } from 'zustand/vanilla'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameStore } from '../../core/store.ts'
import { t } from '../i18n/index.ts'
import { localisedIndex } from '../i18n/scenario.ts'
import { decodeScriptText, PART_IDS } from '../single-page.ts'
import { stageBackdrop, stageModel } from './model.ts'
import { CHANNEL, type FromFrame, fromWindow, isFromFrame, SAME_ORIGIN, type ToFrame } from './protocol.ts'

/**
 * The Phaser stage: a picture of the game (the scenario's backdrop, emblems, markers for the package, meter
 * gauges, the responder's verdict) drawn around the page, which keeps all the text and every control.
 *
 * The stage runs in a same-origin `<iframe>` (`stage.html`, whose script is `frame.ts`): Phaser, the scene and the
 * assets load into the frame's own JS realm, never the page's, so none of them weighs on the first screen and
 * removing the frame frees them all (an ES module, once imported into the page, could never be unloaded). This
 * module only creates the frame and posts it the stage's model of the game, see `protocol.ts`.
 */

export interface Stage {
  /** Stops following the store and removes the frame, and with it Phaser. Safe to call more than once. */
  destroy(): void
}

/**
 * How long the stage may take to start before the page goes on without it. The development server hands
 * Phaser over unbundled with its source map inline (about 22 MB), which takes far longer than the built
 * site's chunk on a busy machine; there the stage is given a minute.
 */
const START_TIMEOUT_MS = import.meta.env.DEV ? 60_000 : 10_000

/** The frame's page, next to the game's `index.html` (a build input of its own, see `vite.config.ts`). */
const FRAME_URL = `${import.meta.env.BASE_URL}stage.html`

/** Points the frame at its page: the one inside the single-file page when there is one, else `stage.html`. */
function load(frame: HTMLIFrameElement): void {
  const inside = document.getElementById(PART_IDS.stage)?.textContent
  if (inside) frame.srcdoc = decodeScriptText(inside)
  else frame.src = FRAME_URL
}

/** A new frame for the stage, not loaded yet. */
function createFrame(): HTMLIFrameElement {
  const frame = document.createElement('iframe')
  frame.className = 'stage-canvas'
  frame.tabIndex = -1
  frame.title = 'Red Lines stage (decorative)'
  frame.setAttribute('aria-hidden', 'true')
  frame.style.cssText = 'display:block;width:100%;height:100%;border:0;pointer-events:none'
  return frame
}

/** A frame loaded ahead of its game (prepareStage), in its container, and whether it has said hello. */
interface Prepared {
  frame: HTMLIFrameElement
  container: HTMLElement
  hello: boolean
  listener: (event: MessageEvent) => void
}
let prepared: Prepared | null = null

/**
 * Loads the stage's frame into `container` before any game needs it: the frame's page fetches and runs
 * Phaser and the scene's code then (the one piece of work that cannot be cut up, about a tenth of a second),
 * so that the click that opens the table does not wait for it. Call it when the page has nothing else to do,
 * ahead of a game (the set-up screen, a briefing). The next mountStage into the same container takes this
 * frame; the container may be hidden meanwhile, since nothing is drawn before the game is given.
 */
export function prepareStage(container: HTMLElement): void {
  if (prepared?.container === container && prepared.frame.isConnected) return
  if (!document.createElement('canvas').getContext('2d')) return
  const frame = createFrame()
  const ahead: Prepared = {
    frame,
    container,
    hello: false,
    listener: (event) => {
      if (fromWindow(event, frame.contentWindow) && isFromFrame(event.data) && event.data.type === 'hello')
        ahead.hello = true
    },
  }
  if (prepared) {
    window.removeEventListener('message', prepared.listener)
    prepared.frame.remove()
  }
  prepared = ahead
  window.addEventListener('message', ahead.listener)
  load(frame)
  container.append(frame)
}

/** The frame prepared for `container`, taken (it is no longer anyone else's), or null. */
function takePrepared(container: HTMLElement): Prepared | null {
  const taken = prepared?.container === container && prepared.frame.isConnected ? prepared : null
  if (prepared) window.removeEventListener('message', prepared.listener)
  if (prepared && !taken) prepared.frame.remove()
  prepared = null
  return taken
}

/**
 * Mounts the stage into `container`, which should have a size of its own (e.g. a CSS height): the frame fills it,
 * and the canvas in the frame follows its size. Resolves once the first frame is drawn, or to a stage that does
 * nothing when Phaser cannot start (no WebGL nor canvas, a missing asset, no answer within 10 s): the game then
 * plays in the page alone. A frame prepared for the container (prepareStage) is used rather than a new one.
 */
export function mountStage(
  container: HTMLElement,
  store: StoreApi<GameStore>,
  index: ScenarioIndex,
): Promise<Stage> {
  const ahead = takePrepared(container)
  // Without a 2D canvas nothing can be drawn: do not even load the frame.
  if (!ahead && !document.createElement('canvas').getContext('2d')) {
    console.warn('Red Lines stage: not shown, the game goes on without it (this browser has no 2D canvas)')
    return Promise.resolve({ destroy() {} })
  }
  const frame = ahead?.frame ?? createFrame()
  const backdrop = stageBackdrop(index)
  const credit = describePicture(frame, index)

  let unsubscribe: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let destroyed = false
  const post = (message: ToFrame) => frame.contentWindow?.postMessage(message, SAME_ORIGIN)
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    clearTimeout(timer)
    unsubscribe?.()
    unsubscribe = null
    window.removeEventListener('message', onMessage)
    frame.remove()
    credit?.remove()
  }

  let settle: (stage: Stage) => void = () => {}
  const settled = new Promise<Stage>((resolve) => {
    settle = resolve
  })
  const fail = (reason: unknown) => {
    console.warn('Red Lines stage: not shown, the game goes on without it', reason)
    destroy()
    settle({ destroy() {} })
  }

  function onMessage(event: MessageEvent): void {
    if (!fromWindow(event, frame.contentWindow) || !isFromFrame(event.data)) return
    const message: FromFrame = event.data
    // Also after the frame reloads (in development): it starts again from the game as it is now.
    if (message.type === 'hello') begin()
    else if (message.type === 'ready') {
      clearTimeout(timer)
      settle({ destroy })
    } else fail(new Error(message.reason))
  }

  /** Gives the frame the game, and then every change of it. */
  function begin(): void {
    const model = stageModel(index, store.getState().game)
    post({ channel: CHANNEL, type: 'start', model, backdrop })
    unsubscribe ??= store.subscribe((state, previous) => {
      if (state.game !== previous.game)
        post({ channel: CHANNEL, type: 'model', model: stageModel(index, state.game) })
    })
  }

  window.addEventListener('message', onMessage)
  timer = setTimeout(() => fail(new Error('the stage did not start in time')), START_TIMEOUT_MS)
  if (!ahead) {
    load(frame)
    container.append(frame)
  } else if (ahead.hello) begin()
  if (credit) container.append(credit)
  return settled
}

/**
 * Names the frame for screen readers. A map or the table is decorative (everything it shows is also in the
 * page), so the frame is hidden from them; the scenario's own picture is content, so the frame is an image
 * with the picture's alt text, and its credit is shown small below it. Returns the credit's element, if any.
 */
function describePicture(frame: HTMLIFrameElement, index: ScenarioIndex): HTMLElement | null {
  const { stage, language } = localisedIndex(index).scenario
  // A frame starts out decorative (createFrame), also one loaded before its game was known.
  if (stage.kind !== 'image') return null
  frame.removeAttribute('aria-hidden')
  frame.title = stage.alt
  frame.lang = language
  frame.setAttribute('role', 'img')
  frame.setAttribute('aria-label', stage.alt)
  if (!stage.credit) return null
  // The credit takes a line under the picture: the frame fills what is left of the strip.
  frame.style.height = 'auto'
  frame.style.flex = '1 1 0'
  frame.style.minHeight = '0'
  const credit = document.createElement('p')
  credit.className = 'stage-credit'
  credit.textContent = t('stage.credit', { credit: stage.credit })
  return credit
}
