import type * as Phaser from 'phaser'
import type { StoreApi } from 'zustand/vanilla'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameStore } from '../../core/store.ts'

/**
 * The Phaser stage: a decorative picture of the game (map, emblems, markers for the package, meter gauges,
 * Russia's verdict) drawn around the page, which keeps all the text and every control. Phaser, the scene and
 * the assets are imported only when the stage is mounted, so none of them weighs on the first screen.
 */

export interface Stage {
  /** Unsubscribes from the store, stops Phaser and removes the canvas. Safe to call more than once. */
  destroy(): void
}

export interface StageOptions {
  /** From `prefers-reduced-motion`: nothing tweens, pulses or flashes; values jump to where they belong. */
  reducedMotion: boolean
}

const START_TIMEOUT_MS = 10_000

/**
 * Whether WebGL runs on a real GPU. Software WebGL (SwiftShader in a headless or GPU-less browser) takes
 * over 150 ms a frame, which blocks the page; the 2D canvas draws the same stage in a few milliseconds.
 */
function hardwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas')
    const options = { failIfMajorPerformanceCaveat: true }
    const gl = (canvas.getContext('webgl2', options) ??
      canvas.getContext('webgl', options)) as WebGLRenderingContext | null
    if (!gl) return false
    const info = gl.getExtension('WEBGL_debug_renderer_info')
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : ''
    gl.getExtension('WEBGL_lose_context')?.loseContext()
    return !/swiftshader|llvmpipe|software|basic render/i.test(name)
  } catch {
    return false
  }
}

/**
 * Mounts the stage into `container`, which should have a size of its own (e.g. a CSS height): the canvas fills
 * it and follows its size. Resolves once the first frame is drawn, or to a stage that does nothing when Phaser
 * cannot start (no WebGL nor canvas, a missing asset): the game then plays in the page alone.
 */
export async function mountStage(
  container: HTMLElement,
  store: StoreApi<GameStore>,
  index: ScenarioIndex,
  options: StageOptions,
): Promise<Stage> {
  const wrapper = document.createElement('div')
  wrapper.className = 'stage-canvas'
  wrapper.setAttribute('aria-hidden', 'true')
  wrapper.style.cssText = 'position:relative;width:100%;height:100%;overflow:hidden;pointer-events:none'
  container.append(wrapper)
  let game: Phaser.Game | null = null
  let observer: ResizeObserver | null = null
  let destroyed = false
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    observer?.disconnect()
    if (game) {
      // The game is destroyed on its next step: wake the loop in case the idle stage put it to sleep.
      game.loop.wake()
      game.destroy(true)
    }
    wrapper.remove()
  }
  try {
    // Without a 2D canvas nothing can be drawn (and Phaser's own feature tests would throw): stop before loading it.
    if (!document.createElement('canvas').getContext('2d')) throw new Error('this browser has no 2D canvas')
    const [P, sceneModule, assets, svg, draw] = await Promise.all([
      import('phaser'),
      import('./scene.ts'),
      import('./assets.ts'),
      import('./svg.ts'),
      import('./draw.ts'),
    ])
    if (destroyed) return { destroy }
    const map = svg.parseMap(await svg.fetchText(assets.MAP_URL))
    const height = sceneModule.EMBLEM_HEIGHT
    const sides = [...index.proposers, index.responder]
    const emblems = new Map<string, HTMLCanvasElement>()
    await Promise.all(
      sides.map(async (side) => {
        const url = assets.EMBLEM_URLS[side]
        const source = url ? await svg.fetchText(url) : assets.plainEmblem(draw.sideColour(side, sides))
        emblems.set(side, await svg.rasterize(source, (height * 120) / 140, height))
      }),
    )
    if (destroyed) return { destroy }

    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the stage did not start in time')), START_TIMEOUT_MS)
      const input = {
        store,
        index,
        reducedMotion: options.reducedMotion,
        map,
        emblems,
        onReady: () => {
          clearTimeout(timer)
          resolve()
        },
        onError: (error: unknown) => {
          clearTimeout(timer)
          reject(error)
        },
      }
      const config = (type: number): Phaser.Types.Core.GameConfig => ({
        type,
        parent: wrapper,
        backgroundColor: '#0d1b2a',
        banner: false,
        autoFocus: false,
        disableContextMenu: false,
        input: { keyboard: false, mouse: false, touch: false, gamepad: false },
        audio: { noAudio: true },
        render: { antialias: true, powerPreference: 'low-power' },
        scale: { mode: P.Scale.RESIZE, width: '100%', height: '100%' },
        scene: [sceneModule.createStageScene(P, input)],
        callbacks: {
          postBoot: (booted) => {
            const canvas = booted.canvas
            canvas.setAttribute('aria-hidden', 'true')
            canvas.setAttribute('tabindex', '-1')
            canvas.style.position = 'absolute'
            canvas.style.inset = '0'
            canvas.style.outline = 'none'
          },
        },
      })
      try {
        game = new P.Game(config(hardwareWebGL() ? P.AUTO : P.CANVAS))
      } catch (error) {
        // The renderer would not start: try the canvas renderer before giving up.
        console.warn('Red Lines stage: the renderer failed, trying canvas', error)
        game = new P.Game(config(P.CANVAS))
      }
    })
    await ready
    if (destroyed) return { destroy }
    const started = game as Phaser.Game | null
    if (started && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => {
        started.loop.wake(true)
        if (started.scale.getParentBounds()) started.scale.refresh()
      })
      observer.observe(wrapper)
    }
    return { destroy }
  } catch (error) {
    console.warn('Red Lines stage: not shown, the game goes on without it', error)
    destroy()
    return { destroy() {} }
  }
}
