import type * as Phaser from 'phaser'

/**
 * Adds a drawn canvas to the scene's textures as a plain texture. Phaser's `addCanvas` makes a CanvasTexture,
 * which reads every pixel back at once (`getImageData`) for pixel editing the stage never does: for the map
 * and its glow that read-back cost the frame more than drawing them. The canvas is never drawn on again after
 * it is added (a new picture gets a new key), so nothing needs refreshing.
 */
export function addCanvasTexture(
  textures: Phaser.Textures.TextureManager,
  key: string,
  canvas: HTMLCanvasElement,
): void {
  // addImage takes any source a texture can have: for a canvas, the renderer uploads it as a canvas texture.
  textures.addImage(key, canvas as unknown as HTMLImageElement)
}
