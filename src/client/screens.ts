import { z } from 'zod'

/** Where the player is in the game's flow. */
export type Screen =
  | { name: 'title' }
  | { name: 'setup' }
  | { name: 'handover'; side: string; after: Screen }
  | { name: 'briefing'; side: string; queue: string[] }
  | { name: 'table' }
  | { name: 'summary'; round: number }
  | { name: 'ending' }

const ScreenSchema: z.ZodType<Screen> = z.lazy(() =>
  z.union([
    z.object({ name: z.enum(['title', 'setup', 'table', 'ending']) }),
    z.object({ name: z.literal('handover'), side: z.string(), after: ScreenSchema }),
    z.object({ name: z.literal('briefing'), side: z.string(), queue: z.array(z.string()) }),
    z.object({ name: z.literal('summary'), round: z.number().int() }),
  ]),
) as z.ZodType<Screen>

const TAB_KEY = 'red-lines:tab'
const TabSchema = z.object({ id: z.string(), screen: ScreenSchema })

/**
 * Remembers, for this browser tab only (sessionStorage), which saved game is open and on which screen, so
 * that a reload resumes exactly there while a new tab starts at the title screen.
 */
export function rememberScreen(id: string | null, screen: Screen): void {
  try {
    if (id) sessionStorage.setItem(TAB_KEY, JSON.stringify({ id, screen }))
    else sessionStorage.removeItem(TAB_KEY)
  } catch {
    // Without sessionStorage a reload starts at the title screen, where the game is listed.
  }
}

/** The game and screen this tab had open before a reload, if any (and if well-formed). */
export function savedScreen(): { id: string; screen: Screen } | null {
  try {
    const raw = sessionStorage.getItem(TAB_KEY)
    const parsed = raw ? TabSchema.safeParse(JSON.parse(raw)) : null
    return parsed?.success ? parsed.data : null
  } catch {
    return null
  }
}
