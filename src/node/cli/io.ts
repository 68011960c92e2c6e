/** What a command-line script reads from and writes to, so that the commands can be tested without a process. */
export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  /** The folder relative paths are taken from: where the user ran `npm run` (npm sets INIT_CWD). */
  cwd: string
  /** Colour on standard output: a terminal, and NO_COLOR not set. */
  colour: boolean
  /** Columns available for a source line. */
  width: number
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  const tty = Boolean(process.stdout.isTTY)
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.env.INIT_CWD || process.cwd(),
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    colour: tty && !process.env.NO_COLOR,
    width: tty ? Math.max(40, (process.stdout.columns || 100) - 10) : 100,
  }
}
