/** The command line of a script, split into file arguments, switches and options with a value. */
export interface ParsedArgs {
  files: string[]
  switches: Set<string>
  values: Map<string, string>
  /** What could not be understood, one message each. */
  errors: string[]
}

/**
 * Parses `argv` (without node and the script): `--name` switches, `--name value` or `--name=value` options,
 * `-h` for `--help`, and everything else (or everything after `--`) as files.
 */
export function parseArgs(
  argv: readonly string[],
  known: { switches: readonly string[]; values: readonly string[] },
): ParsedArgs {
  const out: ParsedArgs = { files: [], switches: new Set(), values: new Map(), errors: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--') {
      out.files.push(...argv.slice(i + 1))
      break
    }
    if (arg === '-h') {
      out.switches.add('help')
      continue
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') out.errors.push(`Unknown option "${arg}".`)
      else out.files.push(arg)
      continue
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2)
    if (known.switches.includes(name) && inline === undefined) out.switches.add(name)
    else if (known.values.includes(name)) {
      const value = inline ?? argv[++i]
      if (value === undefined || value === '') out.errors.push(`The option --${name} needs a value.`)
      else out.values.set(name, value)
    } else out.errors.push(`Unknown option "--${name}".`)
  }
  return out
}
