import type { ClassroomServerOptions } from './server.ts'

/**
 * Options for running several server processes as one classroom session: Colyseus' Redis presence and
 * driver, and this process's public address (so that a device sent to a room on another process reaches
 * it). Without a Redis URL, one process serves everything and nothing is needed.
 */
export async function scaleOutOptions(
  redisUrl: string | undefined,
  host: string,
  port: number,
): Promise<Pick<ClassroomServerOptions, 'presence' | 'driver' | 'publicAddress'>> {
  if (!redisUrl) return {}
  // Loaded only when asked for, so that the packages are needed only by those who scale out.
  const { RedisPresence } = await import('@colyseus/redis-presence')
  const { RedisDriver } = await import('@colyseus/redis-driver')
  return {
    presence: new RedisPresence(redisUrl),
    driver: new RedisDriver(redisUrl),
    publicAddress: `${host}:${port}`,
  }
}
