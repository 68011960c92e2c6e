import { LIMITS } from '../../../core/scenario/limits.ts'
import { checkStageImage, type StageImageType } from '../../../core/scenario/load/stage-image.ts'
import { checkSvgText } from '../../../core/scenario/load/svg-safety.ts'
import { STAGE_IMAGE_TYPES } from '../../../core/scenario/schema/stage.ts'
import { sanitiseSvg } from '../../../core/studio/svg.ts'

/**
 * Reading the picture a teacher chooses for the stage into the data: address the scenario carries: a PNG,
 * JPEG or WebP file as its bytes, an SVG file as text made safe by `sanitiseSvg` (what it removed is told to
 * the teacher). Whatever comes out has passed the loader's own check (`checkStageImage`), so the studio never
 * writes a picture the game would refuse. A raster picture over the size limit may be made smaller in the
 * browser (`shrinkPicture`); nothing here is worded, the studio's form words each outcome.
 */

/** What the file chooser offers: the types the game draws, by media type and by file name. */
export const PICTURE_ACCEPT = ['.png', '.jpg', '.jpeg', '.webp', '.svg', ...STAGE_IMAGE_TYPES].join(',')

/** What choosing a file gave: the data: address to write, or why it cannot be used. */
export type PictureRead =
  | { ok: true; image: string; type: StageImageType; bytes: number; removed: string[] }
  | { ok: false; reason: 'type' }
  | { ok: false; reason: 'tooLarge'; bytes: number; raster: boolean }
  | { ok: false; reason: 'unsafe'; what: string }
  | { ok: false; reason: 'check'; message: string }

const BY_EXTENSION: Record<string, StageImageType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
}

/** The picture type of a file, from its media type or, when the system gives none, its name; null if neither. */
export function pictureTypeOf(name: string, type: string): StageImageType | null {
  const media = type.toLowerCase()
  if ((STAGE_IMAGE_TYPES as readonly string[]).includes(media)) return media as StageImageType
  if (media && media !== 'application/octet-stream') return null
  return BY_EXTENSION[name.toLowerCase().split('.').pop() ?? ''] ?? null
}

/** The size in kilobytes as the limit is stated (1 kB = 1,000 bytes), rounded up so a picture over is never "400 kB". */
export const kiloBytes = (bytes: number): number => Math.ceil(bytes / 1000)

/** A picture's bytes as a base64 data: address. */
export function dataUrlOf(type: StageImageType, bytes: Uint8Array): string {
  let binary = ''
  // In slices: one call with a whole picture's bytes as arguments would pass the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return `data:${type};base64,${btoa(binary)}`
}

/** Reads a chosen file into the stage's data: address, or says why it cannot be used. */
export async function readPicture(
  file: Pick<File, 'name' | 'type' | 'size' | 'arrayBuffer'>,
  limit: number = LIMITS.stageImageBytes,
): Promise<PictureRead> {
  const type = pictureTypeOf(file.name, file.type)
  if (!type) return { ok: false, reason: 'type' }
  const raster = type !== 'image/svg+xml'
  // An SVG is measured once made safe (a large script may be all that makes it too big); a huge one is not read.
  if (file.size > (raster ? limit : limit * 4))
    return { ok: false, reason: 'tooLarge', bytes: file.size, raster }
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (raster) return checked(dataUrlOf(type, bytes), [])
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, reason: 'check', message: 'The SVG picture is not UTF-8 text' }
  }
  const safe = sanitiseSvg(text)
  if (!safe) return { ok: false, reason: 'unsafe', what: whyUnsafe(text) }
  const encoded = new TextEncoder().encode(safe.svg)
  if (encoded.length > limit) return { ok: false, reason: 'tooLarge', bytes: encoded.length, raster: false }
  return checked(dataUrlOf(type, encoded), safe.removed)
}

/** The address, once the loader's check passes it. */
function checked(image: string, removed: string[]): PictureRead {
  const check = checkStageImage(image)
  if (!check.ok) return { ok: false, reason: 'check', message: check.message }
  return { ok: true, image, type: check.type, bytes: check.bytes, removed }
}

/** Why the sanitiser gave up on an SVG: it is not well-formed, or holds what cannot be removed (in English). */
function whyUnsafe(text: string): string {
  const svg = checkSvgText(text)
  if (!svg.ok) return svg.error
  const whole = [...new Set(svg.dangers.filter((d) => d.remove === 'whole').map((d) => d.what))]
  return whole.join(', ') || 'it cannot be made safe by removing parts'
}

/** The longest side a smaller picture is given: more than the stage ever shows. */
const MAX_SIDE = 2048

/**
 * Makes a raster picture fit under `limit` in the browser: drawn on a canvas, at most `MAX_SIDE` pixels a side,
 * and saved as WebP (JPEG on a white ground where the browser cannot write WebP), a quarter fewer pixels a side
 * at each try. Null when the browser cannot read it or eight tries are not enough.
 */
export async function shrinkPicture(
  file: Blob,
  limit: number = LIMITS.stageImageBytes,
): Promise<{ image: string; bytes: number; width: number; height: number } | null> {
  const bitmap = await createImageBitmap(file).catch(() => null)
  if (!bitmap) return null
  let scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
  let type: 'image/webp' | 'image/jpeg' = 'image/webp'
  for (let i = 0; i < 8; i++, scale *= 0.75) {
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(bitmap.width * scale))
    canvas.height = Math.max(1, Math.round(bitmap.height * scale))
    const context = canvas.getContext('2d')
    if (!context) return null
    if (type === 'image/jpeg') {
      context.fillStyle = '#fff'
      context.fillRect(0, 0, canvas.width, canvas.height)
    }
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, type, 0.85))
    // A browser that cannot write WebP gives a PNG instead: try again, at the same size, as JPEG.
    if (blob && blob.type !== type && type === 'image/webp') {
      type = 'image/jpeg'
      scale /= 0.75
      continue
    }
    if (!blob || blob.size > limit) continue
    const image = dataUrlOf(type, new Uint8Array(await blob.arrayBuffer()))
    if (!checkStageImage(image).ok) return null
    return { image, bytes: blob.size, width: canvas.width, height: canvas.height }
  }
  return null
}
