/**
 * Registers the people an article names with an office ("Kremlin spokesman Dmitry Peskov", "the Foreign
 * Minister, Sergei Lavrov,", "Jane Doe, an analyst at…") and the short names of organisations ("(ISW)"), so
 * that a later "Peskov said" or "the spokesman said" finds the whole name and office. A person named in full
 * as a speaker ("Jonas Reyhart said") is registered too, without an office, so that "Reyhart said" is theirs.
 */

import type { Reader } from './speaker-reader.ts'
import { ARTICLES, isName, isRoleWord, PARTICLES, possessive, SKIP, SPEECH } from './speech-words.ts'
import type { Speaker } from './statement-types.ts'
import type { Tok } from './tokens.ts'

/** Registers the people the article names with an office, and the short names of organisations. */
export function collectPeople(reader: Reader): void {
  const { toks, people } = reader
  const register = (at: number, name: string | undefined, office: string | undefined, mention: boolean) => {
    if (!name) return
    const existing = people.byName.get(name)
    const speaker: Speaker = existing ?? { name }
    if (office && !speaker.office) speaker.office = office
    people.byName.set(name, speaker)
    const parts = name.split(' ')
    if (parts.length > 1) people.bySurname.set(parts[parts.length - 1] as string, speaker)
    if (mention) people.mentions.push({ at, speaker })
  }
  const nameEnd = (k: number) => {
    let j = k
    while (j < toks.length && j - k < 5 && (isName(toks[j]) || (PARTICLES.has(toks[j]?.lw ?? '') && j > k))) {
      j++
      if (possessive(toks[j - 1] as Tok)) break
    }
    while (j > k && !isName(toks[j - 1])) j--
    return j
  }
  /** Whether a verb of speech follows token `j`, past adverbs ("has repeatedly said"). */
  const speaksAt = (j: number) => {
    let v = j
    while (SKIP.has(toks[v]?.lw ?? '')) v++
    return SPEECH.has(toks[v]?.lw ?? '')
  }
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Tok
    if (t.quoted) continue
    if (isRoleWord(t) && isName(toks[k + 1])) {
      const end = nameEnd(k + 1)
      const start = reader.runBefore(k, Math.max(0, k - 5))
      const from = ARTICLES.has(toks[start]?.lw ?? '') ? start + 1 : start
      const last = toks[end - 1] as Tok
      register(t.s, reader.nameOf(k + 1, end), reader.slice(from, k + 1), !possessive(last))
    } else if (t.w === ',' && isName(toks[k + 1]) && isName(toks[k + 2])) {
      // "the Russian Foreign Minister, Sergei Lavrov," — an office, then the name between commas.
      const end = nameEnd(k + 1)
      const after = toks[end]?.w ?? '.'
      if (!',.'.includes(after) && toks[end]?.lw !== 'who') continue
      let role = k - 1
      while (role >= 0 && k - role <= 8 && toks[role]?.word && !isRoleWord(toks[role])) role--
      if (!isRoleWord(toks[role]) || k - role > 8) continue
      const start = reader.runBefore(role, Math.max(0, role - 5))
      const from = ARTICLES.has(toks[start]?.lw ?? '') ? start + 1 : start
      register(toks[k + 1]?.s ?? 0, reader.nameOf(k + 1, end), reader.slice(from, k), true)
    } else if (isName(t) && isName(toks[k + 1]) && !isName(toks[k - 1]) && !isRoleWord(toks[k - 1])) {
      // "Kateryna Stepanenko, an analyst at the Institute for the Study of War (ISW),"
      const end = nameEnd(k)
      const office = reader.appositionAfter(end)
      if (office) register(t.s, reader.nameOf(k, end), office, true)
      // "Jonas Reyhart said": no office, but a speaker whose surname alone may name them later.
      else if (speaksAt(end)) register(t.s, reader.nameOf(k, end), undefined, false)
    } else if (isName(t) && !isName(toks[k - 1]) && !isRoleWord(toks[k - 1]) && people.bySurname.has(t.w)) {
      // "Reyhart, a former Union commissioner, said" or "Reyhart said": a person named before speaks again,
      // so that the "he said" after it is theirs.
      const speaker = people.bySurname.get(t.w) as Speaker
      if (!isName(toks[k + 1]) && (reader.appositionAfter(k + 1) || speaksAt(k + 1)))
        people.mentions.push({ at: t.s, speaker })
    }
    if (t.w === '(' && toks[k + 2]?.w === ')' && /^\p{Lu}{2,}$/u.test(toks[k + 1]?.w ?? '')) {
      // "the Institute for the Study of War (ISW)": the name starts at the word of the short name's first letter.
      const short = toks[k + 1]?.w as string
      let from = reader.runBefore(k - 1, Math.max(0, k - 9))
      while (from < k && !(isName(toks[from]) && toks[from]?.w[0] === short[0])) from++
      if (from < k) people.aliases.set(short, reader.slice(from, k))
    }
  }
}
