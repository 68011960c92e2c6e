import { networkInterfaces } from 'node:os'

/** The first IPv4 address of this machine that other devices on the network can reach, or null. */
export function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  return null
}

/** Whether `host` names every interface rather than one (then the LAN address is the one to hand out). */
const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::'

/** What decides the address students open. */
export interface JoinBaseInput {
  scheme: 'http' | 'https'
  port: number
  /** The interface listened on, when a single one. */
  host?: string | undefined
  /** The host devices reach this process at, when the LAN address found is not the right one (PUBLIC_HOST). */
  publicHost?: string | undefined
  /** The whole address devices open, e.g. a reverse proxy's (PUBLIC_URL): used as it is. */
  publicUrl?: string | undefined
  /** The LAN address of this machine (lanAddress(), passed in so that tests choose it). */
  lan: string | null
}

/**
 * The address students open, without a trailing slash (the join link is it plus `/#join=CODE`): the public
 * URL when one is given; else the public host, or the interface listened on when it is a single one, or the
 * LAN address, with the scheme and port; `localhost` when the machine has no network address. This is what
 * the server prints on start and what the dashboard's join link and QR code carry, whatever address the
 * dashboard itself was opened with (127.0.0.1 or localhost would be useless on a student's phone).
 */
export function joinBaseOf(input: JoinBaseInput): string {
  if (input.publicUrl) return input.publicUrl.replace(/\/+$/, '')
  const single = input.host && !isWildcard(input.host) ? input.host : undefined
  const host = input.publicHost ?? single ?? input.lan ?? 'localhost'
  // An IPv6 address in a URL goes in brackets.
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `${input.scheme}://${shown}:${input.port}`
}
