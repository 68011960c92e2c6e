/**
 * The WCAG 2.2 AA checks of the accessibility test (tests/e2e/a11y.spec.mjs), each run on the page as it is
 * and each returning a list of faults (empty when the screen passes), so that one failure names every element
 * concerned. They need only a Playwright page, so a scratch script can run them outside the test runner too.
 *
 * - `axeViolations`: axe-core with the rules tagged up to WCAG 2.2 AA.
 * - `reflowFaults` (1.4.10): nothing scrolls the page sideways; only a labelled region (role=region with an
 *   accessible name, e.g. a wide table) may scroll inside itself.
 * - `focusFaults` (2.4.11, 2.4.3, 2.4.7): Tab through every focusable element; each one lands on something
 *   other than <body>, in the viewport, and is not covered by anything else at its centre.
 * - `langFaults` (3.1.2): a phrase (four words or more) in another script than the page's language (Latin
 *   in the Ukrainian interface, Cyrillic in the English one) sits inside an element whose `lang` says so.
 * - `targetFaults` (2.5.8): every button, link, select, input and summary is at least 24×24 px, or has a
 *   24 px circle around it clear of every other target (links inside a sentence are exempt).
 */

const AXE_PATH = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** axe-core with the WCAG 2.0–2.2 A and AA rules: "rule (impact): help — first elements" per violation. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined')))
    await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join('; ')}`,
    )
  }, WCAG_TAGS)
}

/**
 * Reflow: the document is no wider than the window, and no element sticks out of the window's right edge
 * unless it is inside a labelled region (which scrolls by itself).
 */
export async function reflowFaults(page) {
  return page.evaluate(() => {
    const faults = []
    const width = window.innerWidth
    const doc = document.documentElement
    if (doc.scrollWidth > width) faults.push(`the page is ${doc.scrollWidth} px wide in a ${width} px window`)
    // A labelled region (role=region, or a <section> with a name) that scrolls sideways by itself and fits
    // the window: what it holds may be wider than the window.
    const scrollingRegion = (el) =>
      (el.getAttribute('role') === 'region' || el.tagName === 'SECTION') &&
      (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) &&
      ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) &&
      el.getBoundingClientRect().right <= width + 1
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue
      let inside = false
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (scrollingRegion(p)) {
          inside = true
          break
        }
      if (inside) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.position === 'fixed') continue
      // An element clipped by a scrolling ancestor that is not a labelled region is a fault too, but one per
      // ancestor is enough: report the outermost element that sticks out.
      const parent = el.parentElement?.getBoundingClientRect()
      if (parent && parent.right > width + 1 && el.parentElement !== document.body) continue
      faults.push(
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" reaches ${Math.round(r.right)} px`,
      )
      if (faults.length > 8) break
    }
    // The page is too wide, yet nothing outside a region sticks out: name what sticks out inside one (say, a
    // positioned element whose containing block is outside the region's scrolling box).
    if (faults.length === 1)
      for (const el of document.body.querySelectorAll('*'))
        if (el.getBoundingClientRect().right > width + 1 && faults.length < 6)
          faults.push(
            `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" (in a region)`,
          )
    return faults
  })
}

/** What to call an element in a message: tag, id or class, and the start of its name or text. */
const DESCRIBE = `(el) => {
  if (!el) return 'nothing'
  const name = (el.getAttribute('aria-label') || el.textContent || el.value || '').replace(/\\s+/g, ' ').trim().slice(0, 40)
  const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : ''
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : cls) + (name ? ' "' + name + '"' : '')
}`

/**
 * Tabs through the page (up to `max` presses, or until the focus comes back to where it started; with
 * `backward`, Shift+Tab from the end, so that each control is scrolled in at the top edge) and checks
 * each focused element: never <body>, in the viewport (after scrollIntoView if the browser left it outside),
 * and what is drawn at its centre is the element or inside it (a checkbox's or radio's label counts as it).
 */
export async function focusFaults(page, { max = 400, backward = false } = {}) {
  await page.evaluate(() => {
    document.activeElement?.blur?.()
    window.scrollTo(0, 0)
  })
  const direction = backward ? ' (Shift+Tab)' : ''
  const faults = []
  const seen = new Set()
  let first = null
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab')
    const r = await page.evaluate((describe) => {
      const d = new Function(`return ${describe}`)()
      const el = document.activeElement
      if (!el || el === document.body || el === document.documentElement)
        return { id: 'body', fault: 'focus is on <body>' }
      // Inside a frame or a shadow root the focus is another document's business.
      if (el.tagName === 'IFRAME') return { id: d(el) }
      // A link that wraps over two lines has a box per line: its centre may fall between them, so each
      // line's box is tried, and one uncovered is enough.
      const check = () => {
        const boxes = [...el.getClientRects()].filter((b) => b.width > 0 && b.height > 0)
        const labels = el.labels ? [...el.labels] : []
        let inView = false
        let hit = null
        for (const rect of boxes) {
          const x = rect.left + rect.width / 2
          const y = rect.top + rect.height / 2
          if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue
          inView = true
          hit = document.elementFromPoint(x, y)
          if (hit && (hit === el || el.contains(hit) || labels.some((l) => l === hit || l.contains(hit))))
            return { inView, ok: true, hit }
        }
        return { inView, ok: false, hit }
      }
      let c = check()
      if (!c.inView) {
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
        c = check()
      }
      const key = `${d(el)}@${el.getBoundingClientRect().top + scrollY}`
      if (!c.inView) return { id: key, fault: `${d(el)} is outside the viewport even after scrollIntoView` }
      if (!c.ok) return { id: key, fault: `${d(el)} is covered by ${d(c.hit)}` }
      return { id: key }
    }, DESCRIBE)
    if (first === null) first = r.id
    else if (r.id === first) break
    if (r.fault && !seen.has(r.fault)) {
      seen.add(r.fault)
      faults.push(r.fault + direction)
    }
    // Focus on <body> between the page's last control and the browser's chrome is the end of the cycle.
    if (r.id === 'body' && i > 0) {
      faults.pop()
      break
    }
  }
  return faults
}

/**
 * Language of parts (3.1.2): a text node with a phrase in the other script than the page's language (Latin
 * in Ukrainian, Cyrillic in English) must have an ancestor whose `lang` is not the page's. `ignore` lists
 * texts whose language nobody knows (what the test typed into a field).
 */
export async function langFaults(page, { ignore = [] } = {}) {
  return page.evaluate((ignore) => {
    const pageLang = (document.documentElement.lang || '').split('-')[0]
    // A phrase: four or more words in a row of the other script (a name of two or three words, such as
    // "Jay Dee Vance" in a Ukrainian sentence, is not a part in another language).
    const word = pageLang === 'uk' ? "[A-Za-z][A-Za-z'’-]*" : "[\\u0400-\\u04FF][\\u0400-\\u04FF'’-]*"
    const phrase = new RegExp(`${word}(?:[\\s,.;:!?()"“”«»0-9–—-]+${word}){3,}`)
    const faults = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest('script, style, svg, [hidden], [aria-hidden="true"], code, kbd, samp'))
        continue
      const text = node.textContent ?? ''
      const found = phrase.exec(text)?.[0]
      if (!found || ignore.some((s) => s.includes(found) || found.includes(s))) continue
      const lang = (parent.closest('[lang]')?.getAttribute('lang') ?? '').split('-')[0]
      if (lang !== pageLang) continue
      const box = parent.getBoundingClientRect()
      if (box.width === 0 && box.height === 0 && !parent.closest('details')) continue
      faults.push(
        `${parent.tagName.toLowerCase()}: "${found.slice(0, 70)}" in "${text.trim().slice(0, 50)}" has lang="${lang}"`,
      )
      if (faults.length > 10) break
    }
    return faults
  }, ignore)
}

/**
 * Target size (2.5.8): each visible button, link, select, input and summary is at least 24×24 px, or a
 * 24 px circle centred on it touches no other target and no other small target's circle. A checkbox or a
 * radio button is measured with its label (a click on the label works it). Links in a line of text are
 * exempt (the inline exception).
 */
export async function targetFaults(page) {
  return page.evaluate((describe) => {
    const d = new Function(`return ${describe}`)()
    const selector = 'button, a[href], select, input:not([type=hidden]), summary, [role=button], [role=tab]'
    const targets = []
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      let rect = el.getBoundingClientRect()
      if (rect.width === 0 || rect.height === 0) continue
      if (el.closest('[aria-hidden="true"], [inert]')) continue
      if ((el.type === 'checkbox' || el.type === 'radio') && el.labels?.length) {
        const l = el.labels[0].getBoundingClientRect()
        const left = Math.min(rect.left, l.left)
        const top = Math.min(rect.top, l.top)
        const right = Math.max(rect.right, l.right)
        const bottom = Math.max(rect.bottom, l.bottom)
        rect = { left, top, right, bottom, width: right - left, height: bottom - top }
      }
      // The inline exception: a link inside a sentence (its parent has other text around it).
      if (el.tagName === 'A' && style.display === 'inline') {
        const text = (el.parentElement?.textContent ?? '').trim()
        if (text.length > (el.textContent ?? '').trim().length + 3) continue
      }
      targets.push({ el, rect, small: rect.width < 23.5 || rect.height < 23.5 })
    }
    const faults = []
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2]
    const circleHitsRect = ([cx, cy], r) => {
      const x = Math.max(r.left, Math.min(cx, r.right))
      const y = Math.max(r.top, Math.min(cy, r.bottom))
      return (cx - x) ** 2 + (cy - y) ** 2 < 12 * 12
    }
    for (const t of targets) {
      if (!t.small) continue
      const c = centre(t.rect)
      const clash = targets.find((o) => {
        if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false
        if (circleHitsRect(c, o.rect)) return true
        if (!o.small) return false
        const [ox, oy] = centre(o.rect)
        return (c[0] - ox) ** 2 + (c[1] - oy) ** 2 < 24 * 24
      })
      if (clash)
        faults.push(
          `${d(t.el)} is ${Math.round(t.rect.width)}×${Math.round(t.rect.height)} px, too close to ${d(clash.el)}`,
        )
    }
    return faults
  }, DESCRIBE)
}

/** Every check at once, by name, leaving out the empty ones. */
export async function allFaults(page, { focus = true, reflow = true, ignore = [] } = {}) {
  const out = {}
  const add = (name, list) => {
    if (list.length) out[name] = list
  }
  add('axe', await axeViolations(page))
  if (reflow) add('reflow', await reflowFaults(page))
  add('lang', await langFaults(page, { ignore }))
  add('target', await targetFaults(page))
  if (focus) add('focus', await focusFaults(page))
  return out
}
