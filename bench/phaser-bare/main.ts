/**
 * Reference page for the browser bench: Phaser 4 and one empty scene, nothing else. The bench compares the
 * game's JavaScript and memory with what Phaser alone costs.
 */
import * as Phaser from 'phaser'

class Empty extends Phaser.Scene {
  constructor() {
    super('empty')
  }
  create(): void {
    document.body.dataset.ready = 'true'
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  backgroundColor: '#13263a',
  banner: false,
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  scene: [Empty],
})
