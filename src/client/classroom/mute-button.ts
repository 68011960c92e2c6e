import { useState } from 'preact/hooks'
import type { SeatView } from '../../net/view.ts'
import { button, component, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { Send } from './room-controls.ts'

interface MuteProps {
  seat: SeatView
  send: Send
}

/**
 * Mute or unmute one student's messages (their moves still go through). The button says what a press will
 * do; once the room has taken it, a line beside it says what now holds. A refusal is shown by `send`, in the
 * dashboard's notice, and the button keeps its label, as nothing changed.
 */
function MuteToggle({ seat, send }: MuteProps): View {
  /** What the last press achieved, for the line beside the button (null: nothing pressed, or it failed). */
  const [done, setDone] = useState<boolean | null>(null)
  const muted = seat.muted
  const toggle = async () => {
    setDone(null)
    if (await send('mute', { seat: seat.id, muted: !muted })) setDone(!muted)
  }
  return h('span', { class: 'mute' }, [
    button(t(muted ? 'classroom.mute.unmute' : 'classroom.mute.mute'), () => void toggle(), {
      class: muted ? 'small muted' : 'small',
      'aria-label': t(muted ? 'classroom.mute.unmuteLabel' : 'classroom.mute.muteLabel', { name: seat.name }),
    }),
    // A status region that stays in the page, so that what it says next is read out.
    h(
      'span',
      { role: 'status', class: 'hint' },
      done === null || done !== muted
        ? ''
        : t(done ? 'classroom.mute.muted' : 'classroom.mute.unmuted', { name: seat.name }),
    ),
  ])
}

/** The roster's Mute / Unmute toggle for one student's seat, with what became of the last press. */
export function renderMuteToggle(seat: SeatView, send: Send): View {
  return component(MuteToggle, { seat, send })
}
