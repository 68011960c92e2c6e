import { LIMITS } from '../limits.ts'
import type { Scenario } from '../schema/scenario.ts'
import { STAGE_IMAGE_TYPES } from '../schema/stage.ts'
import type { ParsedFile } from './parse.ts'
import type { Problem } from './problems.ts'
import { checkSvgText } from './svg-safety.ts'

/**
 * Checks the picture a scenario carries as its stage (`stage.image`, a data: address): a type the game draws,
 * bytes that are what the type says (a PNG's signature, a JPEG's, a WebP's, or a well-formed SVG), at most
 * `LIMITS.stageImageBytes` once decoded, and an SVG with nothing active or external in it (`svg-safety.ts`).
 * The file may come from anyone; the game draws only what passes, and never fetches a picture from anywhere.
 */

export type StageImageType = (typeof STAGE_IMAGE_TYPES)[number]

/** What the check found: the picture's type and size, or the problem and what it is about. */
export type StageImageCheck =
  | { ok: true; type: StageImageType; bytes: number }
  | {
      ok: false
      code: 'STAGE_IMAGE_TOO_LARGE' | 'STAGE_IMAGE_TYPE' | 'STAGE_IMAGE_UNSAFE'
      message: string
    }

const SIGNATURES: Array<[Exclude<StageImageType, 'image/svg+xml'>, string, (b: Uint8Array) => boolean]> = [
  ['image/png', 'PNG', (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/jpeg', 'JPEG', (b) => starts(b, [0xff, 0xd8, 0xff])],
  [
    'image/webp',
    'WebP',
    (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  ],
]

const starts = (bytes: Uint8Array, magic: readonly number[]) => magic.every((m, i) => bytes[i] === m)
const isTypeOk = (type: string): type is StageImageType =>
  (STAGE_IMAGE_TYPES as readonly string[]).includes(type)
const kB = (bytes: number) => `${Math.ceil(bytes / 1000).toLocaleString('en-GB')} kB`

/** Reads a data: address into its media type and bytes, or says why it is not one. */
export function decodeDataUrl(address: string): { type: string; bytes: Uint8Array } | { error: string } {
  if (!/^data:/i.test(address)) return { error: 'it is not a data: address' }
  const comma = address.indexOf(',')
  if (comma < 0) return { error: 'the data: address has no comma before its data' }
  const [type = '', ...parameters] = address
    .slice(5, comma)
    .split(';')
    .map((p) => p.trim().toLowerCase())
  const payload = address.slice(comma + 1)
  if (parameters.at(-1) === 'base64') {
    const bytes = decodeBase64(payload)
    return typeof bytes === 'string' ? { error: bytes } : { type, bytes }
  }
  const bytes = decodePercent(payload)
  return bytes ? { type, bytes } : { error: 'the data: address has a malformed %-escape' }
}

/** The byte count of base64 text before it is decoded, so that a huge picture is refused without decoding it. */
function base64Bytes(text: string): number {
  let padding = 0
  for (let i = text.length - 1; i >= 0 && text[i] === '='; i--) padding++
  return Math.floor(((text.length - padding) * 3) / 4)
}

/** Base64 as browsers read it in a data: address (whitespace skipped, padding optional), or why it is not. */
function decodeBase64(payload: string): Uint8Array | string {
  let text = payload.replace(/[\t\n\f\r ]/g, '')
  if (base64Bytes(text) > LIMITS.stageImageBytes) return 'too large'
  if (text.length % 4 === 0 && text.endsWith('=')) text = text.slice(0, text.endsWith('==') ? -2 : -1)
  if (text.length % 4 === 1 || !/^[A-Za-z0-9+/]*$/.test(text)) return 'its data is not valid base64'
  let binary: string
  try {
    binary = atob(text.padEnd(Math.ceil(text.length / 4) * 4, '='))
  } catch {
    return 'its data is not valid base64'
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A data: address's %-escaped data as bytes (other characters as their UTF-8), or null when malformed. */
function decodePercent(payload: string): Uint8Array | null {
  // Escapes are decoded by hand, the rest in runs: a run of plain text costs one `encodeInto`.
  const out = new Uint8Array(Math.min(payload.length * 3, LIMITS.stageImageBytes + 4))
  const encoder = new TextEncoder()
  let length = 0
  let i = 0
  while (i < payload.length && length <= LIMITS.stageImageBytes) {
    const percent = payload.indexOf('%', i)
    const end = percent < 0 ? payload.length : percent
    if (end > i) {
      const { written } = encoder.encodeInto(payload.slice(i, end), out.subarray(length))
      length += written
      i = end
      continue
    }
    const hex = payload.slice(i + 1, i + 3)
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null
    out[length++] = Number.parseInt(hex, 16)
    i += 3
  }
  // Cut short when it passed the limit: one byte over is enough for the size check to refuse it.
  return out.subarray(0, i < payload.length ? LIMITS.stageImageBytes + 1 : length)
}

/** Checks a stage picture given as a data: address. */
export function checkStageImage(address: string): StageImageCheck {
  const fail = (code: Extract<StageImageCheck, { ok: false }>['code'], message: string): StageImageCheck => ({
    ok: false,
    code,
    message,
  })
  const decoded = decodeDataUrl(address)
  if ('error' in decoded)
    return decoded.error === 'too large'
      ? fail('STAGE_IMAGE_TOO_LARGE', `The picture is over ${kB(LIMITS.stageImageBytes)}`)
      : fail('STAGE_IMAGE_TYPE', `The picture cannot be read: ${decoded.error}`)
  const { type, bytes } = decoded
  if (bytes.length > LIMITS.stageImageBytes)
    return fail(
      'STAGE_IMAGE_TOO_LARGE',
      `The picture is ${kB(bytes.length)}; the limit is ${kB(LIMITS.stageImageBytes)}`,
    )
  if (!isTypeOk(type))
    return fail(
      'STAGE_IMAGE_TYPE',
      `The picture is of type "${type || 'none'}", which the game does not draw`,
    )
  if (type !== 'image/svg+xml') {
    const [, name, matches] = SIGNATURES.find(([t]) => t === type) ?? []
    if (matches?.(bytes)) return { ok: true, type, bytes: bytes.length }
    const actual = SIGNATURES.find(([, , test]) => test(bytes))?.[1]
    return fail(
      'STAGE_IMAGE_TYPE',
      actual
        ? `The data: address says ${name}, but the picture is a ${actual}`
        : `The picture's bytes are not a ${name} picture`,
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fail('STAGE_IMAGE_TYPE', 'The SVG picture is not UTF-8 text')
  }
  const svg = checkSvgText(text)
  if (!svg.ok) return fail('STAGE_IMAGE_TYPE', `The SVG picture is not well-formed: ${svg.error}`)
  if (svg.dangers.length) {
    const found = [...new Set(svg.dangers.map((d) => d.what))]
    const more = found.length > 3 ? ` and ${found.length - 3} more` : ''
    return fail('STAGE_IMAGE_UNSAFE', `The SVG picture holds ${found.slice(0, 3).join(', ')}${more}`)
  }
  return { ok: true, type, bytes: bytes.length }
}

/** The problem with the scenario's stage picture, placed at `stage.image`; none for a map or a table. */
export function stageImageProblems(parsed: ParsedFile, scenario: Pick<Scenario, 'stage'>): Problem[] {
  const stage = scenario.stage
  if (stage?.kind !== 'image') return []
  const check = checkStageImage(stage.image)
  return check.ok ? [] : [parsed.problem(check.code, check.message, ['stage', 'image'])]
}
