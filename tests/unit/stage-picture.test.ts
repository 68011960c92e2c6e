import { describe, expect, it } from 'vitest'
import {
  dataUrlOf,
  kiloBytes,
  pictureTypeOf,
  readPicture,
} from '../../src/client/studio/forms/picture-file.ts'
import { LIMITS } from '../../src/core/scenario/limits.ts'
import { checkStageImage, decodeDataUrl } from '../../src/core/scenario/load/stage-image.ts'
import { en } from '../../src/messages/en.ts'
import { translate } from '../../src/messages/index.ts'

/**
 * The studio's stage picture chooser, without a browser: which files it takes, the data: address it writes
 * (always one the loader's check passes), what it tells the teacher an SVG lost, and the refusals.
 */

/** A 1×1 transparent PNG, whole (signature, IHDR, IDAT, IEND). */
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
const png = () => Uint8Array.from(Buffer.from(PNG_1X1, 'base64'))
const file = (name: string, type: string, bytes: Uint8Array | string) =>
  new File([typeof bytes === 'string' ? bytes : Buffer.from(bytes)], name, { type })

const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">
  <script>alert(2)</script><rect width="10" height="10" fill="#3af"/></svg>`

describe('the picture type of a chosen file', () => {
  it('comes from the media type, or from the name when the system gives none', () => {
    expect(pictureTypeOf('river.PNG', 'image/png')).toBe('image/png')
    expect(pictureTypeOf('river.jpg', '')).toBe('image/jpeg')
    expect(pictureTypeOf('map.svg', 'application/octet-stream')).toBe('image/svg+xml')
    expect(pictureTypeOf('photo.webp', '')).toBe('image/webp')
  })
  it('refuses what the game does not draw, whatever the name says', () => {
    expect(pictureTypeOf('river.gif', 'image/gif')).toBeNull()
    expect(pictureTypeOf('river.png', 'text/html')).toBeNull()
    expect(pictureTypeOf('notes.txt', '')).toBeNull()
  })
})

describe('the data: address written', () => {
  it('holds the bytes as they were, and passes the loader’s check', () => {
    const address = dataUrlOf('image/png', png())
    expect(address.startsWith('data:image/png;base64,')).toBe(true)
    const decoded = decodeDataUrl(address)
    expect('bytes' in decoded && Buffer.from(decoded.bytes).equals(Buffer.from(png()))).toBe(true)
    expect(checkStageImage(address)).toMatchObject({ ok: true, type: 'image/png' })
  })
  it('encodes a picture larger than one slice of bytes', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256)
    expect(dataUrlOf('image/webp', bytes)).toBe(
      `data:image/webp;base64,${Buffer.from(bytes).toString('base64')}`,
    )
  })
  it('states sizes in kilobytes rounded up, so a picture one byte over is never the limit', () => {
    expect(kiloBytes(LIMITS.stageImageBytes)).toBe(400)
    expect(kiloBytes(LIMITS.stageImageBytes + 1)).toBe(401)
  })
})

describe('reading a chosen file', () => {
  it('takes a PNG as it is', async () => {
    const read = await readPicture(file('dam.png', 'image/png', png()))
    expect(read).toMatchObject({ ok: true, type: 'image/png', bytes: png().length, removed: [] })
  })
  it('makes an SVG safe and says what it removed', async () => {
    const read = await readPicture(file('dam.svg', 'image/svg+xml', HOSTILE_SVG))
    if (!read.ok) throw new Error(`refused: ${read.reason}`)
    expect(read.removed).toEqual(expect.arrayContaining(['<script>', expect.stringMatching(/^onload=/)]))
    const decoded = decodeDataUrl(read.image)
    const text = 'bytes' in decoded ? new TextDecoder().decode(decoded.bytes) : ''
    expect(text).toContain('<rect')
    expect(text).not.toMatch(/script|onload|alert/i)
    expect(checkStageImage(read.image).ok).toBe(true)
  })
  it('refuses an SVG that cannot be made safe, with the reason', async () => {
    const read = await readPicture(file('page.svg', 'image/svg+xml', '<html><body>hi</body></html>'))
    expect(read).toMatchObject({ ok: false, reason: 'unsafe', what: expect.stringContaining('<html>') })
  })
  it('refuses a raster picture over the limit as one it could make smaller, and an SVG as one it cannot', async () => {
    const big = new Uint8Array(LIMITS.stageImageBytes + 1)
    big.set(png())
    expect(await readPicture(file('big.png', 'image/png', big))).toEqual({
      ok: false,
      reason: 'tooLarge',
      bytes: LIMITS.stageImageBytes + 1,
      raster: true,
    })
    const padded = HOSTILE_SVG.replace('<rect', `<desc>${'river '.repeat(70_000)}</desc><rect`)
    expect(await readPicture(file('big.svg', 'image/svg+xml', padded))).toMatchObject({
      ok: false,
      reason: 'tooLarge',
      raster: false,
    })
  })
  it('refuses bytes that are not what the type says, in the loader’s words', async () => {
    const read = await readPicture(file('fake.png', 'image/png', 'not a picture at all'))
    expect(read).toMatchObject({
      ok: false,
      reason: 'check',
      message: "The picture's bytes are not a PNG picture",
    })
  })
  it('refuses a file the game does not draw', async () => {
    expect(await readPicture(file('clip.gif', 'image/gif', 'GIF89a'))).toEqual({ ok: false, reason: 'type' })
  })
})

describe('the refusal of a picture that is too large', () => {
  it('says the size, the limit and how to mend it, in both languages', () => {
    const params = { size: '512', limit: '400' }
    expect(translate('en', 'studio.stage.tooLarge', params)).toMatch(
      /^This picture is 512 kB, and a stage picture may be at most 400 kB\. .*image editor/,
    )
    expect(translate('uk', 'studio.stage.tooLarge', params)).toMatch(/512 кБ.*400 кБ/)
    expect(en['studio.stage.tooLargeSvg']).toContain('{size} kB')
  })
})
