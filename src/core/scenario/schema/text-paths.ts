/**
 * Which texts of a scenario people read, and so may be translated, and how a text path names each one.
 *
 * A text path is a field's place written with dots: the section, then the element's id (or its position,
 * counted from 0, for elements without an id), then the field, e.g. `title`, `sides.ukraine.briefing`,
 * `sides.ukraine.interests.0`, `instruments.article-5.variants.shall.name`, `redLines.no-nato.stated.0.context`.
 * Quotes are never translatable: they stay in the article's words and language. Ids, numbers, dates of the
 * format itself, conditions and file names are not texts either.
 */

/** The readable fields of one kind of element, and the elements nested in it. */
export interface TextShape {
  /** Fields holding one readable text. */
  texts?: readonly string[]
  /** Fields holding a list of readable texts, each named by its position. */
  textLists?: readonly string[]
  /** Fields holding a list of elements, each named by its id, or by its position when it has none. */
  lists?: Readonly<Record<string, TextShape>>
  /** Fields holding one nested element. */
  objects?: Readonly<Record<string, TextShape>>
  /** Fields holding a mapping from ids to elements (such as `scoring`), each named by its key. */
  maps?: Readonly<Record<string, TextShape>>
}

const NAMED: TextShape = { texts: ['name', 'description'] }
const CHANCE: TextShape = { lists: { terms: { texts: ['label'] } } }
const OUTCOME: TextShape = { texts: ['title', 'text'] }
const STATED: TextShape = { lists: { stated: { texts: ['context', 'date'] } } }

/** Every translatable text of a scenario. */
export const SCENARIO_TEXTS: TextShape = {
  texts: ['title', 'summary', 'setOn'],
  lists: {
    sides: {
      texts: ['name', 'shortName', 'briefing'],
      textLists: ['interests'],
      lists: {
        constraints: { texts: ['text', 'rationale'] },
        positions: { texts: ['text'] },
        reflection: { texts: ['question', 'rubric'] },
        roles: { texts: ['name', 'brief'] },
      },
      objects: { outlook: { texts: ['text'] } },
    },
    actors: { texts: ['name', 'office'], lists: { statements: { texts: ['context', 'date'] } } },
    tags: NAMED,
    meters: NAMED,
    flags: NAMED,
    instruments: { texts: ['name', 'description', 'rationale'], lists: { variants: NAMED } },
    redLines: { texts: ['title', 'rationale'], ...STATED, objects: { resolve: { texts: ['rationale'] } } },
    preferences: { texts: ['title', 'rationale'], ...STATED },
    events: { texts: ['title', 'text'] },
    endings: { texts: ['title', 'text'] },
  },
  objects: {
    stage: { texts: ['alt'] },
    unilateral: { texts: ['title', 'description'] },
    aftermath: {
      texts: ['intro'],
      objects: {
        test: CHANCE,
        respond: CHANCE,
        confront: CHANCE,
        outcomes: { objects: { peace: OUTCOME, deterred: OUTCOME, attack: OUTCOME, confrontation: OUTCOME } },
      },
    },
  },
  maps: { scoring: { lists: { terms: { texts: ['label'] } } } },
}

/** The description of `translations:` in the schema, for editors and the authoring guide. */
export const TRANSLATIONS_HELP = [
  'Translations of the readable texts, by language code and then by text path, e.g.',
  '`translations: { uk: { title: "…", sides.ukraine.name: "Україна" } }`.',
  'A text path names a field by section, element id (or position from 0 for elements without an id) and field:',
  '`title`, `summary`, `setOn`;',
  '`sides.ID.name|briefing`, `sides.ID.interests.N`, `sides.ID.constraints.ID.text|rationale`, `sides.ID.outlook.text`, `sides.ID.positions.N.text`, `sides.ID.reflection.ID.question|rubric`, `sides.ID.roles.ID.name|brief`;',
  '`actors.ID.name|office`, `actors.ID.statements.N.context|date`;',
  '`tags.ID.name|description` (likewise `meters`, `flags`);',
  '`instruments.ID.name|description|rationale`, `instruments.ID.variants.ID.name|description`;',
  '`redLines.ID.title|rationale`, `redLines.ID.resolve.rationale`, `redLines.ID.stated.N.context|date` (likewise `preferences`, with `preferences.ID.rationale`);',
  '`events.ID.title|text`, `endings.ID.title|text`; `unilateral.title|description`;',
  '`aftermath.intro`, `aftermath.test|respond|confront.terms.N.label`, `aftermath.outcomes.KIND.title|text`;',
  '`scoring.SIDE.terms.N.label`.',
  'Quotes are never translated: they stay in the words of their article.',
  'A text without a translation is shown in the scenario’s own language.',
].join(' ')
