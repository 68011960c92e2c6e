import { isMap, isScalar, type Scalar } from 'yaml'
import type { z } from 'zod'
import { CONDITION_OPERATORS } from '../schema/conditions.ts'
import { colonFix } from './colon.ts'
import { closestFieldName } from './field-names.ts'
import type { ParsedFile } from './parse.ts'
import { type DocPath, type Problem, type ProblemCode, shown } from './problems.ts'

type Issue = z.core.$ZodIssue

const CONDITION_PARENTS = new Set(['when', 'requires', 'not', 'all', 'any'])

/**
 * Turns the schema's issues into problems with codes, positions and fixes. Where an element matched none of
 * the shapes it may take (a condition, an effect), the shape it came closest to explains what is wrong.
 * `parsed.data` is the document validated (migrated to the current format); `written`, the document as the
 * file has it, so that a message lists the fields the author wrote, not those a migration added.
 */
export function issuesToProblems(
  parsed: ParsedFile,
  issues: readonly Issue[],
  written: unknown = parsed.data,
): Problem[] {
  const out: Problem[] = []
  for (const issue of issues) out.push(...describe(parsed, issue, [], written))
  return out
}

function describe(parsed: ParsedFile, issue: Issue, prefix: DocPath, written: unknown): Problem[] {
  const path = [...prefix, ...(issue.path as DocPath)]
  const where = path.length ? path[path.length - 1] : undefined
  switch (issue.code) {
    case 'invalid_union': {
      const best = closestBranch(issue.errors, asRecord(valueAt(parsed.data, path)))
      if (best) return best.flatMap((i) => describe(parsed, i, path, written))
      const code: ProblemCode = isConditionPath(path)
        ? 'CONDITION_SHAPE'
        : isEffectPath(path)
          ? 'EFFECT_SHAPE'
          : 'SHAPE'
      const asWritten = valueAt(written, path)
      const keys = Object.keys(asRecord(isRecord(asWritten) ? asWritten : valueAt(parsed.data, path)))
      const found = keys.length ? `it has ${keys.map((k) => `"${k}"`).join(', ')}` : 'it has no keys'
      const what = code === 'CONDITION_SHAPE' ? 'condition' : code === 'EFFECT_SHAPE' ? 'effect' : 'entry'
      const allowed =
        code === 'CONDITION_SHAPE' ? `; a condition opens with one of ${CONDITION_OPERATORS.join(', ')}` : ''
      return [
        parsed.problem(code, `This ${what} matches none of the allowed forms: ${found}${allowed}`, path),
      ]
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const near = closestFieldName(key)
        return parsed.problem(
          'UNKNOWN_FIELD',
          `Unknown field "${key}"${isConditionPath(path) ? ' in this condition' : ''}${near && near !== key ? `: did you mean \`${near}\`?` : ''}`,
          [...path, key],
        )
      })
    case 'invalid_type': {
      const value = valueAt(parsed.data, path)
      if (value === undefined) {
        const missing = parsed.problem(
          'MISSING_FIELD',
          `The field "${String(where)}" is missing: it needs ${article(issue.expected)}`,
          path,
        )
        // A section may go anywhere at the left margin: pointing at the first line must not read as "here".
        return [path.length === 1 ? { ...missing, fix: SECTION_FIX } : missing]
      }
      const named =
        typeof where === 'number' ? `Entry ${where + 1} of "${String(path.at(-2))}"` : `"${String(where)}"`
      const wrong = parsed.problem(
        'WRONG_TYPE',
        `${named} should be ${article(issue.expected)}, not ${kindOf(value)}`,
        path,
      )
      const colon = issue.expected === 'string' ? colonText(parsed, path, value) : null
      if (colon !== null)
        return [
          {
            ...wrong,
            message: `${named} contains ": ", so it was read as a field and its value, not as a text`,
            fix: colonFix(typeof where === 'number' ? null : String(where), colon),
          },
        ]
      return [wrong]
    }
    case 'invalid_value':
      return [
        parsed.problem(
          'INVALID_VALUE',
          `"${shown(valueAt(parsed.data, path))}" is not allowed here; use ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`,
          path,
        ),
      ]
    case 'invalid_format': {
      const code: ProblemCode = where === 'id' || isIdList(path) ? 'BAD_ID' : 'BAD_FORMAT'
      return [
        parsed.problem(
          code,
          `"${shown(valueAt(parsed.data, path))}" is not in the expected form: ${issue.message}`,
          path,
        ),
      ]
    }
    case 'too_small':
    case 'too_big': {
      const bound = 'minimum' in issue ? issue.minimum : issue.maximum
      const what = issue.origin === 'array' ? 'entries' : issue.origin === 'string' ? 'characters' : ''
      const dir = issue.code === 'too_small' ? 'at least' : 'at most'
      // Too long a section is a limit on untrusted files (limits.ts), not a slip in a value.
      const code: ProblemCode =
        issue.code === 'too_big' && issue.origin === 'array' ? 'LIST_TOO_LONG' : 'OUT_OF_RANGE'
      return [
        parsed.problem(code, `"${String(where)}" must have ${dir} ${String(bound)} ${what}`.trim(), path),
      ]
    }
    case 'invalid_key': {
      // A mapping keyed by ids (costs, scores, scoring) or by language codes (translations) has a bad key.
      const inner = issue.issues[0]
      const why =
        inner?.code === 'invalid_format' || inner?.code === 'custom'
          ? inner.message
          : 'it is not a valid key here'
      const code: ProblemCode = path[0] === 'translations' ? 'BAD_FORMAT' : 'BAD_ID'
      return [
        parsed.problemAtKey(code, `The key "${String(where)}" is not in the expected form: ${why}`, path),
      ]
    }
    case 'custom':
      // The only refinement is the one on ids (reserved words).
      return [
        parsed.problem(
          where === 'id' || isIdList(path) ? 'BAD_ID' : 'BAD_FORMAT',
          `"${shown(valueAt(parsed.data, path))}" is not allowed: ${issue.message}`,
          path,
        ),
      ]
    default:
      return [parsed.problem('WRONG_TYPE', issue.message, path)]
  }
}

/**
 * Picks the branch of a union that the input came closest to: a branch whose only complaint is at the top
 * (wrong keys altogether) is a poor match; one that got the keys right and failed deeper is the intended one.
 */
function closestBranch(branches: Issue[][], input: Record<string, unknown>): Issue[] | null {
  let best: { issues: Issue[]; score: number } | null = null
  for (const issues of branches) {
    let missing = 0
    let score = 0
    for (const i of issues) {
      const key = i.path[0]
      if (i.path.length === 1 && (typeof key === 'string' || typeof key === 'number') && !(key in input))
        missing++
      else score += i.code === 'unrecognized_keys' ? i.keys.length : 1
    }
    if (missing > 0) continue
    if (!best || score < best.score) best = { issues, score }
  }
  return best?.issues ?? null
}

function isConditionPath(path: DocPath): boolean {
  return path.some((p) => typeof p === 'string' && CONDITION_PARENTS.has(p))
}

function isEffectPath(path: DocPath): boolean {
  return path.some((p) => p === 'effects')
}

function valueAt(data: unknown, path: DocPath): unknown {
  let node = data
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}

const SECTION_FIX =
  'Add it at the left margin (no spaces before it), anywhere in the file: each section starts with its name and a colon.'

/**
 * The text an author wrote with ": " in it and no quotes, which YAML read as a group of one field whose value
 * is a text (`- Our aim: a treaty`), as the file spells it; null when `value` is not such a group. The
 * loader reports it once (above) and reads on with the text, so that nothing else fails because of it.
 */
export function colonText(parsed: Pick<ParsedFile, 'doc'>, path: DocPath, value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const entries = Object.entries(value)
  const [key, said] = entries[0] ?? []
  if (entries.length !== 1 || !['string', 'number', 'boolean'].includes(typeof said)) return null
  const node = parsed.doc?.getIn(path, true)
  const pair = isMap(node) && node.items.length === 1 ? node.items[0] : undefined
  const written =
    pair && isScalar(pair.key) && String(pair.key.value) === key && isScalar(pair.value)
      ? `${pair.key.source ?? String(pair.key.value)}: ${asWritten(pair.value)}`
      : `${key}: ${String(said)}`
  return written.replace(/\s+/g, ' ').trim()
}

/** A scalar as the file spells it: a quoted one (`said: "no"`) keeps its quotation marks. */
function asWritten(scalar: Scalar): string {
  const mark = scalar.type === 'QUOTE_DOUBLE' ? '"' : scalar.type === 'QUOTE_SINGLE' ? "'" : ''
  return mark ? `${mark}${String(scalar.value)}${mark}` : (scalar.source ?? String(scalar.value))
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'empty'
  if (typeof value === 'object') return 'a group of fields'
  return `${article(typeof value)} (${JSON.stringify(value)})`
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    boolean: 'true or false',
    object: 'a group of fields',
    record: 'a group of fields (one per id)',
    array: 'a list',
  }
  return words[type] ?? type
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

/**
 * Lists of ids (tags, proposers, excludes, the instruments a position or a demand names…) hold bare ids;
 * their items are ids too. (The `instruments` section holds groups of fields, which never fail as ids.)
 */
function isIdList(path: DocPath): boolean {
  const parent = path[path.length - 2]
  return (
    typeof path[path.length - 1] === 'number' &&
    typeof parent === 'string' &&
    ['tags', 'proposers', 'excludes', 'settableBy', 'instruments'].includes(parent)
  )
}
