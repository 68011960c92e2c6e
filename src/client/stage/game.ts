import type * as Phaser from 'phaser'
import { createStageScene, type SceneInput } from './scene.ts'

/**
 * Starting Phaser in the stage's frame: the renderer (WebGL on a real GPU, else the 2D canvas), a canvas that
 * fills `parent` and follows its size, no input, no audio.
 */

type PhaserNS = typeof Phaser

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

/** Starts the stage's game in `parent`; resolves with the renderer once the scene has drawn its first state. */
export async function startGame(
  P: PhaserNS,
  parent: HTMLElement,
  input: Omit<SceneInput, 'onReady' | 'onError'>,
): Promise<'webgl' | 'canvas'> {
  let game: Phaser.Game | null = null
  const ready = new Promise<void>((resolve, reject) => {
    // No timer here: the page gives the whole frame 10 s to say it is ready, then removes it.
    const scene: SceneInput = { ...input, onReady: resolve, onError: reject }
    const config = (type: number): Phaser.Types.Core.GameConfig => ({
      type,
      parent,
      backgroundColor: '#0d1b2a',
      banner: false,
      autoFocus: false,
      disableContextMenu: false,
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      audio: { noAudio: true },
      render: { antialias: true, powerPreference: 'low-power' },
      scale: { mode: P.Scale.RESIZE, width: '100%', height: '100%' },
      scene: [createStageScene(P, scene)],
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
  const started = game as Phaser.Game | null
  if (!started) throw new Error('the stage did not start')
  // The frame's window follows its element's size; the idle loop may be asleep, so wake it to lay out again.
  if (typeof ResizeObserver !== 'undefined')
    new ResizeObserver(() => {
      started.loop.wake(true)
      if (started.scale.getParentBounds()) started.scale.refresh()
    }).observe(parent)
  return started.renderer.type === P.WEBGL ? 'webgl' : 'canvas'
}
