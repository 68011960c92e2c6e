import { SHELL, type ShellKey } from '../../messages/shell.ts'
import { getLanguage } from './language.ts'

export { SHELL, type ShellKey } from '../../messages/shell.ts'

/** A shell text in the current language (the texts themselves are in the shared catalogue's `shell.ts`). */
export const shellText = (key: ShellKey): string => SHELL[getLanguage()][key]
