/**
 * The studio's two ways to share a scenario: the scenario file, with the text of every library article it
 * quotes written into it (so that it opens in any copy of the game and in a classroom room), and the whole
 * game as one HTML page with that file inside, which a colleague opens by double-click, offline.
 */
import { selfContained } from '../../core/studio/self-contained.ts'
import { download } from '../download.ts'
import { singlePage } from './share.ts'

/** The scenario's text carrying every article it quotes, and the articles that were written into it. */
export function shareableText(
  text: string,
  library: Readonly<Record<string, string>>,
): { text: string; embedded: string[] } {
  const result = selfContained(text, library)
  return { text: result.text, embedded: [...result.embedded] }
}

/** Offers the self-contained scenario file as a download named `file` (such as `dam-talks.yaml`). */
export function downloadScenario(
  file: string,
  text: string,
  library: Readonly<Record<string, string>>,
): string[] {
  const shared = shareableText(text, library)
  download(file, shared.text, 'application/yaml')
  return shared.embedded
}

/** Offers the single-page game with the self-contained scenario inside, as `<id>.html`; rejects when no page can be made. */
export async function downloadSinglePage(
  file: string,
  text: string,
  library: Readonly<Record<string, string>>,
): Promise<void> {
  const html = await singlePage({ file, text: shareableText(text, library).text })
  download(file.replace(/\.ya?ml$/i, '.html'), html, 'text/html')
}
