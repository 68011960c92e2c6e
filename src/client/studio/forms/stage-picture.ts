import { useMemo, useRef, useState } from 'preact/hooks'
import { LIMITS } from '../../../core/scenario/limits.ts'
import { checkStageImage } from '../../../core/scenario/load/stage-image.ts'
import { button, component, h, useUid, type View } from '../../dom.ts'
import { hiddenFileInput } from '../../file-input.ts'
import { formatNumber, t } from '../../i18n/index.ts'
import { fieldId } from '../edits.ts'
import { asRecord, type FormCtx, valueAt } from './context.ts'
import { problemNotes } from './field.ts'
import { focusSoon } from './focus.ts'
import { fieldLabel } from './labels.ts'
import { kiloBytes, PICTURE_ACCEPT, type PictureRead, readPicture, shrinkPicture } from './picture-file.ts'

/**
 * The stage's picture in the General section: a button that opens the file chooser (PNG, JPEG, WebP or SVG),
 * a preview of the picture the scenario carries with its alt text, and "Remove picture", which gives the stage
 * back to the neutral table. Choosing a picture makes it the stage, keeping the alt text and credit already
 * written. Every outcome is said in a live region that also describes the button: what an SVG lost to the
 * sanitiser, or why a file is refused and how to mend it, with an offer to shrink a raster picture that is too
 * large. The reading and checking are in `picture-file.ts`.
 */

/** What the last choice came to, as the teacher is told it. */
type Status =
  | { kind: 'busy'; text: string }
  | { kind: 'done'; text: string; removed: string[] }
  | { kind: 'error'; text: string; shrink?: File }

const limitKb = () => formatNumber(kiloBytes(LIMITS.stageImageBytes))

/** The words for a refused file. */
function refusal(read: Exclude<PictureRead, { ok: true }>, name: string): string {
  switch (read.reason) {
    case 'type':
      return t('studio.stage.wrongType', { name })
    case 'tooLarge':
      return t(read.raster ? 'studio.stage.tooLarge' : 'studio.stage.tooLargeSvg', {
        size: formatNumber(kiloBytes(read.bytes)),
        limit: limitKb(),
      })
    case 'unsafe':
      return t('studio.stage.unsafe', { reason: read.what })
    case 'check':
      return t('studio.stage.unreadable', { reason: read.message })
  }
}

function StagePicture({ ctx }: { ctx: FormCtx }): View {
  const input = useRef<HTMLInputElement>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const uid = useUid('stage-picture')
  const stage = asRecord(valueAt(ctx.data, ['stage']))
  const image = stage.kind === 'image' && typeof stage.image === 'string' ? stage.image : ''
  const alt = typeof stage.alt === 'string' ? stage.alt : ''
  // Checked once per picture, not at every keystroke in the alt text: only a picture the game draws is shown.
  const shown = useMemo(() => (image && checkStageImage(image).ok ? image : ''), [image])
  const id = fieldId(['stage', 'image'])
  const problems = ctx.problems.under(['stage', 'image'])

  /** Makes `address` the stage, with the alt text and credit already written (when the stage was a picture). */
  const use = (address: string, text: string, removed: string[] = []) => {
    const kept = stage.kind === 'image' ? stage : {}
    const credit = typeof kept.credit === 'string' ? { credit: kept.credit } : {}
    const altText = typeof kept.alt === 'string' ? kept.alt : ''
    ctx.edit({
      op: 'set',
      path: ['stage'],
      value: { kind: 'image', image: address, alt: altText, ...credit },
    })
    setStatus({ kind: 'done', text, removed })
  }

  const choose = async (file: File) => {
    setStatus({ kind: 'busy', text: t('studio.stage.reading') })
    const read = await readPicture(file).catch((e: unknown) => ({ error: String(e) }))
    if ('error' in read)
      return setStatus({ kind: 'error', text: t('studio.stage.readFailed', { error: read.error }) })
    if (!read.ok) {
      const shrink = read.reason === 'tooLarge' && read.raster ? file : undefined
      return setStatus({ kind: 'error', text: refusal(read, file.name), ...(shrink ? { shrink } : {}) })
    }
    use(read.image, t('studio.stage.added', { size: formatNumber(kiloBytes(read.bytes)) }), read.removed)
  }

  const shrink = async (file: File) => {
    setStatus({ kind: 'busy', text: t('studio.stage.shrinking') })
    const small = await shrinkPicture(file)
    if (!small) return setStatus({ kind: 'error', text: t('studio.stage.shrinkFailed') })
    const { width, height } = small
    use(small.image, t('studio.stage.shrunk', { width, height, size: formatNumber(kiloBytes(small.bytes)) }))
    // The button pressed is gone with the refusal: the keyboard goes back to the picture's button.
    void focusSoon(id)
  }

  const statusId = `${uid}-status`
  const describedBy = [`${uid}-hint`, status ? statusId : '', problems.length ? `${id}-problems` : '']
  return h('div', { class: 'studio-picture', role: 'group', 'aria-labelledby': `${uid}-label` }, [
    h('p', { class: 'studio-picture-label', id: `${uid}-label` }, fieldLabel('image')),
    shown
      ? h('figure', { class: 'studio-picture-preview' }, [
          h('img', { src: shown, alt }),
          h('figcaption', { class: 'hint' }, t('studio.stage.preview')),
        ])
      : null,
    h('div', { class: 'actions' }, [
      button(
        t(image ? 'studio.stage.chooseAnother' : 'studio.stage.choose'),
        () => {
          if (status?.kind !== 'busy') input.current?.click()
        },
        {
          id,
          'aria-describedby': describedBy.filter(Boolean).join(' '),
          ...(problems.some((p) => p.severity === 'error') ? { 'aria-invalid': 'true' } : {}),
          // Not disabled while busy: a disabled button would drop the keyboard's focus to the page.
          'aria-busy': status?.kind === 'busy' ? 'true' : undefined,
        },
      ),
      stage.kind === 'image'
        ? button(t('studio.stage.remove'), () => {
            ctx.edit({ op: 'set', path: ['stage'], value: { kind: 'table' } })
            setStatus({ kind: 'done', text: t('studio.stage.removed'), removed: [] })
            void focusSoon(id)
          })
        : null,
      hiddenFileInput(input, PICTURE_ACCEPT, (file) => void choose(file)),
    ]),
    h('p', { class: 'hint', id: `${uid}-hint` }, t('studio.stage.hint', { limit: limitKb() })),
    // Always on the page, so that a screen reader hears each new outcome.
    h(
      'div',
      { id: statusId, 'aria-live': 'polite', class: 'studio-picture-status' },
      statusView(status, shrink, stage.kind === 'image' && alt.trim() === ''),
    ),
    problemNotes(problems, `${id}-problems`),
  ])
}

/** The last outcome; after a picture is chosen, a reminder to describe it for as long as it has no words. */
function statusView(status: Status | null, shrink: (file: File) => void, noAlt: boolean): View | null {
  if (!status) return null
  const file = status.kind === 'error' ? status.shrink : undefined
  const done = status.kind === 'done' ? status : null
  return h('div', { class: status.kind === 'error' ? 'studio-picture-error' : '' }, [
    h('p', {}, status.text),
    done?.removed.length
      ? [
          h('p', { key: 'removed' }, t('studio.stage.removedParts')),
          h(
            'ul',
            { key: 'parts', class: 'studio-picture-removed' },
            done.removed.map((part) => h('li', { key: part }, h('code', {}, part))),
          ),
        ]
      : null,
    done && noAlt ? h('p', {}, t('studio.stage.describe', { field: fieldLabel('alt') })) : null,
    file
      ? h(
          'div',
          { class: 'actions' },
          button(t('studio.stage.shrink'), () => shrink(file)),
        )
      : null,
  ])
}

/** The stage's picture chooser, preview and remover, for the General section's stage group. */
export function stagePicture(ctx: FormCtx): View {
  return component(StagePicture, { ctx })
}
