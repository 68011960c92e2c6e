/**
 * Remembers who spoke last while the quote finder walks an article in order, so that "he added" finds the
 * person quoted before, "the source said" the unnamed source met before, and a surname alone the full name
 * registered by collectPeople (people.ts).
 */

import { lastMention } from './attribution.ts'
import type { Found, Reader } from './speaker-reader.ts'
import type { Speaker } from './statement-types.ts'

/** Who spoke last, for "he added" and "the source said"; one per article, fed in the article's order. */
export class SpeakerMemory {
  private person?: { at: number; speaker: Speaker }
  private any?: { at: number; speaker: Speaker }
  private readonly unnamed: Speaker[] = []

  constructor(private readonly reader: Reader) {}

  /** The speaker `found` (at offset `at`) stands for: a name made whole, or who "he" or "the minister" is. */
  resolve(found: Found | null, at: number): Speaker | undefined {
    const { reader } = this
    if (!found) return undefined
    if (found.kind === 'name') {
      const known = reader.known(found.name)
      const name = known?.name ?? reader.people.aliases.get(found.name) ?? found.name
      return { name, ...((found.office ?? known?.office) ? { office: found.office ?? known?.office } : {}) }
    }
    if (found.kind === 'unnamed') {
      const speaker = { name: found.name }
      this.unnamed.push(speaker)
      return speaker
    }
    const mention = lastMention(reader.people.mentions, at)
    const latest = (entry?: { at: number; speaker: Speaker }) =>
      entry && mention && mention.at > entry.at ? mention.speaker : (entry?.speaker ?? mention?.speaker)
    if (found.kind === 'pronoun') return found.plural ? latest(this.any) : latest(this.person)
    const wanted = found.words.filter((w) => w !== 'the')
    for (let k = this.unnamed.length - 1; k >= 0; k--) {
      const phrase = (this.unnamed[k] as Speaker).name.toLowerCase().split(' ')
      if (wanted.every((w) => phrase.includes(w))) return this.unnamed[k]
    }
    return latest(this.any)
  }

  /** Remembers `speaker` as who spoke last, and as the last person when `found` cannot be an organisation. */
  remember(found: Found | null, speaker: Speaker | undefined, at: number): void {
    if (!speaker || !found) return
    this.any = { at, speaker }
    const person =
      found.kind !== 'name' || found.person || !!speaker.office || !!this.reader.known(speaker.name)
    if (person) this.person = { at, speaker }
  }
}
