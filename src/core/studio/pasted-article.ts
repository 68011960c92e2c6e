/**
 * The shape of an article pasted into the studio, in a file of its own so that the readers of each kind of
 * paste (html-article.ts, markdown-article.ts) can share it without importing article-text.ts.
 */

/** The three kinds of paste the studio reads. */
export type ArticleKind = 'text' | 'html' | 'markdown'

/** An article as pasted: its plain text (paragraphs separated by one blank line) and what the paste tells of it. */
export interface PastedArticle {
  text: string
  title?: string
  outlet?: string
  /** As YYYY-MM-DD when the page gives a machine-readable date, else as the page words it. */
  date?: string
  /** Only an http(s) address, as the scenario format accepts. */
  url?: string
  kind: ArticleKind
}
