/** What the browser-test runners share: ports for the servers they start, and how a failure is printed. */
import { createServer } from 'node:net'

/** Asks the OS for a free port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/** Prints "not ok - name" and the error's stack, indented, as the runners' output reads. */
export function printFailure(name, error) {
  console.log(`not ok - ${name}`)
  console.log(
    `  ${String(error?.stack ?? error)
      .split('\n')
      .join('\n  ')}`,
  )
}
