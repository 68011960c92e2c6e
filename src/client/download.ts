/** Offers `text` as a file download (no server involved): how the debrief exports JSON and CSV. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A file name that sorts by date, e.g. `red-lines-guarantees-2025-2026-11-21.json`. */
export function exportName(scenarioId: string, extension: string, now = new Date()): string {
  return `red-lines-${scenarioId}-${now.toISOString().slice(0, 10)}.${extension}`
}
