import type { Debrief } from '../../core/debrief/debrief.ts'
import { debriefToCsv as csvIn } from '../../core/record/csv.ts'
import { words } from './index.ts'

/** The debrief as CSV, its headers and words in the interface's language (see core/record/csv.ts). */
export const debriefToCsv = (debrief: Debrief): string => csvIn(debrief, words())
