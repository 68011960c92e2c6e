/**
 * Reading and rasterizing the stage's SVG assets. The files ship with the game and are served by the same
 * origin (Vite asset URLs, or data: URLs for small files): nothing comes from the internet.
 */

export interface Point {
  x: number
  y: number
}

/** The map as the stage uses it: its size, the named anchor points and the front line, in SVG units. */
export interface MapData {
  width: number
  height: number
  anchors: Map<string, Point>
  /** The line of contact that the 40-km buffer zone follows. */
  front: Point[]
  /** The region to keep in view (`data-focus` on the root), or the whole map. */
  focus: { x: number; y: number; width: number; height: number }
  /** The polygons of each group of land (`#ukraine`, `#russia`…), for highlights drawn over the map. */
  regions: Map<string, Point[][]>
  /** The map's source with its overlays (buffer zone, anchors) hidden, ready to rasterize. */
  base: string
  /** The region and anchor the guarantees protect, and the answering side's region (see `MapSpec`). */
  protect: string
  answers: string
}

export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`could not read ${url}: ${response.status}`)
  return response.text()
}

const parsePoints = (text: string | null): Point[] =>
  (text ?? '')
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(',').map(Number))
    .filter((p): p is [number, number] => p.length === 2 && p.every(Number.isFinite))
    .map(([x, y]) => ({ x, y }))

/**
 * Parses a shipped map (map-europe.svg): viewBox, `anchor-*` circles, the `#front-line` polyline and the groups
 * of land; `places` names the land the guarantees protect and the answering side's.
 */
export function parseMap(source: string, places: { protect: string; answers: string }): MapData {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
  const svg = doc.documentElement
  if (svg.nodeName !== 'svg') throw new Error('the map is not an SVG document')
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number)
  const width = box[2] ?? Number(svg.getAttribute('width'))
  const height = box[3] ?? Number(svg.getAttribute('height'))
  if (!(width > 0 && height > 0)) throw new Error('the map has no size')
  const anchors = new Map<string, Point>()
  for (const circle of Array.from(doc.querySelectorAll('[id^="anchor-"]'))) {
    const x = Number(circle.getAttribute('cx'))
    const y = Number(circle.getAttribute('cy'))
    if (Number.isFinite(x) && Number.isFinite(y)) anchors.set(circle.id.slice('anchor-'.length), { x, y })
  }
  const front = parsePoints(doc.getElementById('front-line')?.getAttribute('points') ?? null)
  const [fx, fy, fw, fh] = (svg.getAttribute('data-focus') ?? '').split(/[\s,]+/).map(Number)
  const focus =
    fx !== undefined && fy !== undefined && fw && fh && [fx, fy, fw, fh].every(Number.isFinite)
      ? { x: fx, y: fy, width: fw, height: fh }
      : { x: 0, y: 0, width, height }
  const regions = new Map<string, Point[][]>()
  for (const group of Array.from(doc.querySelectorAll('g[id]'))) {
    const polygons = Array.from(group.querySelectorAll('polygon')).map((p) =>
      parsePoints(p.getAttribute('points')),
    )
    if (polygons.length) regions.set(group.id, polygons)
  }
  for (const id of ['buffer-zone', 'anchors']) doc.getElementById(id)?.setAttribute('display', 'none')
  const base = new XMLSerializer().serializeToString(doc)
  return {
    width,
    height,
    anchors,
    front,
    focus,
    regions,
    base,
    protect: places.protect,
    answers: places.answers,
  }
}

/** A region of an SVG (in its own units) and the pixel size to draw it at. */
export interface Crop {
  x: number
  y: number
  width: number
  height: number
  pixelWidth: number
  pixelHeight: number
}

/** Returns the SVG source showing only `crop`, drawn at its pixel size (no aspect-ratio correction). */
export function cropSvg(source: string, crop: Crop): string {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
  const svg = doc.documentElement
  svg.setAttribute('viewBox', `${crop.x} ${crop.y} ${crop.width} ${crop.height}`)
  svg.setAttribute('width', String(crop.pixelWidth))
  svg.setAttribute('height', String(crop.pixelHeight))
  svg.setAttribute('preserveAspectRatio', 'none')
  return new XMLSerializer().serializeToString(doc)
}

/** Draws an SVG source into a new canvas of the given size. */
export async function rasterize(
  source: string,
  width: number,
  height: number,
  options: { vignette?: boolean } = {},
): Promise<HTMLCanvasElement> {
  const w = Math.max(1, Math.round(width))
  const h = Math.max(1, Math.round(height))
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
  doc.documentElement.setAttribute('width', String(w))
  doc.documentElement.setAttribute('height', String(h))
  const blob = new Blob([new XMLSerializer().serializeToString(doc)], { type: 'image/svg+xml' })
  const url = URL.createObjectURL(blob)
  try {
    const image = new Image(w, h)
    image.decoding = 'async'
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2D canvas')
    context.drawImage(image, 0, 0, w, h)
    if (options.vignette) {
      const r = Math.hypot(w, h) / 2
      const shade = context.createRadialGradient(w / 2, h / 2, r * 0.55, w / 2, h / 2, r)
      shade.addColorStop(0, 'rgba(4, 10, 18, 0)')
      shade.addColorStop(1, 'rgba(4, 10, 18, 0.55)')
      context.fillStyle = shade
      context.fillRect(0, 0, w, h)
    }
    return canvas
  } finally {
    URL.revokeObjectURL(url)
  }
}

/**
 * A soft glow along polygons (in pixels), drawn once with the 2D canvas's blur: round joins and a real blur,
 * which thick Graphics strokes cannot give. Returns the canvas and where its top-left corner goes.
 */
export function glow(
  polygons: readonly Point[][],
  options: { colour: string; edge: string; blur: number; width: number; fill: string },
): { canvas: HTMLCanvasElement; x: number; y: number } {
  let x0 = Number.POSITIVE_INFINITY
  let y0 = Number.POSITIVE_INFINITY
  let x1 = Number.NEGATIVE_INFINITY
  let y1 = Number.NEGATIVE_INFINITY
  for (const polygon of polygons)
    for (const p of polygon) {
      x0 = Math.min(x0, p.x)
      y0 = Math.min(y0, p.y)
      x1 = Math.max(x1, p.x)
      y1 = Math.max(y1, p.y)
    }
  const margin = Math.ceil(options.blur * 2 + options.width)
  const canvas = document.createElement('canvas')
  if (!Number.isFinite(x0)) return { canvas, x: 0, y: 0 }
  const x = Math.floor(x0 - margin)
  const y = Math.floor(y0 - margin)
  canvas.width = Math.max(1, Math.ceil(x1 - x0 + 2 * margin))
  canvas.height = Math.max(1, Math.ceil(y1 - y0 + 2 * margin))
  const context = canvas.getContext('2d')
  if (!context) return { canvas, x, y }
  context.translate(-x, -y)
  const trace = () => {
    context.beginPath()
    for (const polygon of polygons)
      polygon.forEach((p, i) => {
        if (i === 0) context.moveTo(p.x, p.y)
        else context.lineTo(p.x, p.y)
      })
    context.closePath()
  }
  context.lineJoin = 'round'
  context.lineCap = 'round'
  trace()
  context.fillStyle = options.fill
  context.fill()
  context.shadowColor = options.colour
  context.shadowBlur = options.blur
  context.strokeStyle = options.colour
  context.lineWidth = options.width
  context.stroke()
  context.stroke()
  context.shadowBlur = 0
  context.strokeStyle = options.edge
  context.lineWidth = Math.max(1.5, options.width / 3)
  context.stroke()
  return { canvas, x, y }
}
