/**
 * The English words the quote finder reads attributions by: verbs of speech, offices, the small words of
 * names, and the capitalised words that start sentences rather than names. Extending a list here changes
 * what every search recognises.
 */

import type { Tok } from './tokens.ts'

const words = (list: string) => new Set(list.split(' '))

/** Verbs that attribute words to a speaker ("said", "told", "warned"). */
export const SPEECH = words(
  'said says say told tells added adds adding stated stating wrote writes writing noted noting stressed stresses stressing emphasized emphasised emphasizes emphasises explained explains explaining warned warns insisted insists insisting argued argues arguing claimed claims claiming concluded concludes clarified clarifies recalled recalls believes believed assured assures announced announces declared declares replied replies urged urges assessed assesses posted tweeted commented remarked observed acknowledged admitted agreed agrees suggested suggests predicted promised vowed threatened pledged confirmed denied estimated mentioned maintained maintains contended saying reiterated cautioned indicated indicates',
)
/** Verbs that report a statement when "that" follows them (within a few words, for "told Reuters that"). */
export const REPORTING = words(
  'said says stated stating warned warns noted added stressed assured claimed claiming argued argues believes believed explained announced declared emphasized emphasised insisted insists confirmed acknowledged admitted predicted estimated indicated told tells wrote writes',
)
/** Verbs that make a statement an assessment rather than an assertion. */
export const ASSESS = words('assessed assesses assess estimated estimates')
const ROLES = words(
  'analyst minister president premier chancellor secretary spokesman spokeswoman spokesperson ambassador envoy diplomat official officer source expert professor deputy adviser advisor aide chief head leader chair chairman chairwoman director governor mayor senator congressman congresswoman lawmaker legislator parliamentarian negotiator commander general admiral colonel attaché attache king queen prince emir commissioner representative member researcher correspondent editor scholar historian lawyer prosecutor judge sheikh founder coordinator rapporteur mp mep',
)
const NOT_ROLES = words('list assist exist insist resist persist consist twist wrist enlist')
/** Articles, which open a descriptor ("the minister") or an unnamed speaker ("a source"). */
export const ARTICLES = words('the a an')
/** Pronouns that may stand for a speaker named before. */
export const PRONOUNS = words('he she they him her them')
/** Pronouns that may be the subject of a verb of speech ("he said"). */
export const SUBJECTS = words('he she they')
/** Small words inside a person's name ("Ursula von der Leyen"), and also inside an organisation's. */
export const PARTICLES = words('de da di del van von der den al bin ibn la le du dos das')
/** Small words allowed between the capitalised words of a name or an organisation. */
export const JOINERS = new Set([...PARTICLES, 'of', 'for', 'the', 'and'])
/** Adverbs and auxiliaries passed over between a speaker and a verb ("Doe has repeatedly said"). */
export const SKIP = words(
  'also again once then later further previously earlier recently reportedly publicly openly explicitly repeatedly already has had have was is similarly separately subsequently flatly bluntly clearly firmly simply just',
)
/** Words that end a run of words making a speaker's name or title. */
export const STOP = words(
  'to on in at with from by during after before about over into through against under without since until like per via that who whom which whose while as when where because if but or so than this these those some any each every no all both many most several his her their its our my your we i you it is are was were be been has have had will would could should may might can must shall does did do not',
)
/** Capitalised words that are not names: sentence openers, months, weekdays. */
export const NOT_NAMES = words(
  'The A An In On At But And However Meanwhile This That These Those It Its He She They We I You If When While After Before Then So Also Still Yet Now According Under For From With By As Some Any No Other Another Such Both Many Most Several Every Each January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
)

/** Whether a token names an office or a trade ("minister", "analyst", "economist"). */
export const isRoleWord = (t: Tok | undefined) =>
  !!t?.word && (ROLES.has(t.lw) || (t.lw.length > 5 && t.lw.endsWith('ist') && !NOT_ROLES.has(t.lw)))
/** Whether a token ends in a possessive "'s". */
export const possessive = (t: Tok) => /['’]s$/.test(t.w)
/** Whether a token may be part of a person's name: capitalised, and neither a sentence opener nor an office. */
export const isName = (t: Tok | undefined) => !!t?.word && t.cap && !NOT_NAMES.has(t.w) && !isRoleWord(t)
