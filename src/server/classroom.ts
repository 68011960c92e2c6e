import type { StoreApi } from 'zustand/vanilla'
import type { EndedBy } from '../core/debrief/debrief.ts'
import { type Command, INSTRUCTOR, isInstructorCommand, type SentCommand } from '../core/rules/commands.ts'
import type { RuleWarning } from '../core/rules/constraints.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { GameSetup, GameState, Seat } from '../core/rules/state.ts'
import { createGameStore, type GameStore } from '../core/store.ts'
import type { Message, Reply } from '../net/protocol.ts'
import type { Author, RoomSettings, RoomStatus } from '../net/view.ts'
import { ChatGuard } from './chat.ts'
import * as reflection from './reflection.ts'
import { fail, ok } from './reply.ts'
import * as roles from './roles.ts'
import { type NewRoom, newRoomFile, type RoomFile } from './room-file.ts'
import * as roster from './roster.ts'
import { loadSource } from './scenarios.ts'
import { secretMatches } from './secrets.ts'
import * as status from './status.ts'
import { timeUpCommand } from './timer.ts'

export { fail } from './reply.ts'

export type SeatRecord = RoomFile['seats'][number]

/** How long a round timer that ran out while the server was down still gives the class after a restart. */
const RESTART_GRACE_MS = 30_000

/**
 * One classroom room: its scenario, seats, settings and game, with every action the protocol allows. It
 * knows nothing of the network (see room.ts) and keeps its whole state in a `RoomFile`, which the server
 * writes to disk after every change. Each action checks who may do it and when, and returns a `Reply`: a
 * refused action changes nothing.
 */
export class Classroom {
  readonly index: ScenarioIndex
  private readonly file: RoomFile
  private store: StoreApi<GameStore> | null = null
  /** The round the current deadline was set for: a new round gets a new deadline. */
  private timedRound = 0
  /** Who may send messages, and how often (see chat.ts). */
  private readonly chat = new ChatGuard()

  private constructor(file: RoomFile, index: ScenarioIndex) {
    this.file = file
    this.index = index
    if (file.setup) {
      this.store = createGameStore(
        index,
        file.setup,
        file.log.map((e) => e.command),
      )
      this.timedRound = this.game?.round ?? 0
    }
  }

  /** A new room in the lobby. Throws when the scenario does not load (the caller checked it already). */
  static create(input: NewRoom): Classroom {
    return Classroom.restore(newRoomFile(input))
  }

  /**
   * A room brought back from its file: the game is replayed from its log. Throws when the scenario no
   * longer loads or the log does not replay (the file was altered).
   */
  static restore(file: RoomFile, now?: Date): Classroom {
    const { index, problems } = loadSource(file.scenario)
    if (!index)
      throw new Error(`The room's scenario does not load: ${problems[0]?.message ?? 'unknown problem'}`)
    const room = new Classroom(file, index)
    // A game the rules ended while the room still read as running (a file from before rooms closed with
    // their game): closed now, as of its last command.
    if (room.game?.phase === 'ended' && (file.status === 'running' || file.status === 'paused'))
      room.closeEnded(new Date(file.log.at(-1)?.at ?? now ?? Date.now()))
    const { deadline } = file.timer
    if (now && file.status === 'running' && deadline !== null && deadline < now.getTime() + RESTART_GRACE_MS)
      file.timer.deadline = now.getTime() + RESTART_GRACE_MS
    return room
  }

  get code(): string {
    return this.file.code
  }
  get status(): RoomStatus {
    return this.file.status
  }
  get settings(): RoomSettings {
    const { seed: _seed, ...settings } = this.file.settings
    return settings
  }
  get seats(): readonly SeatRecord[] {
    return this.file.seats
  }
  get log(): RoomFile['log'] {
    return this.file.log
  }
  get timer(): RoomFile['timer'] {
    return this.file.timer
  }
  get journal(): RoomFile['journal'] {
    return this.file.journal
  }
  get setup(): GameSetup | null {
    return this.file.setup
  }
  get createdAt(): string {
    return this.file.createdAt
  }
  /**
   * What ended the game, once the room is over: the rules (an ending reached), the round timer (its
   * time-out's commands led to the ending), or the instructor (ended the room before any ending); null while
   * it goes on. Worked out from the game and its log, so a room restored from its file says the same.
   */
  get endedBy(): EndedBy | null {
    if (this.file.status !== 'ended') return null
    if (this.game?.phase !== 'ended') return 'instructor'
    return this.file.log.at(-1)?.by.kind === 'timer' ? 'timer' : 'rules'
  }
  /** The game as the rules hold it; null in the lobby. */
  get game(): GameState | null {
    return this.store?.getState().game ?? null
  }
  /** The room's whole state, to write to disk. */
  toFile(): RoomFile {
    return this.file
  }

  instructorKeyMatches(key: string): boolean {
    return secretMatches(key, this.file.instructorKeyHash)
  }

  /** The seat a token belongs to. Every seat is compared (in constant time), not only until a match. */
  seatByToken(token: string): SeatRecord | undefined {
    let found: SeatRecord | undefined
    for (const seat of this.file.seats) if (secretMatches(token, seat.tokenHash) && !found) found = seat
    return found
  }

  seat(id: string): SeatRecord | undefined {
    return this.file.seats.find((s) => s.id === id)
  }

  /** Seats a new student (see roster.ts); in a full room the oldest idle seat makes way. */
  addStudent(rawName: string, tokenHash: string, now: Date, online: ReadonlySet<string> = new Set()) {
    return roster.addStudent(this.roster, rawName, tokenHash, now, online)
  }

  /** Removes every seat that never played and has no device connected, in one action. */
  clearIdleSeats(online: ReadonlySet<string>, now: Date) {
    return roster.clearIdleSeats(this.roster, online, now)
  }

  /** A student's command for their side: the side is stamped from the seat, never taken from the device. */
  command(seatId: string, input: SentCommand, now: Date): Reply<{ warned: RuleWarning[] }> {
    const seat = this.seat(seatId)
    if (!seat) return fail('UNKNOWN_SEAT', 'This seat is no longer in the room.')
    // Authorised by role first: a student's overrule or injected event is refused whatever the game's state.
    if (isInstructorCommand(input)) return fail('NOT_INSTRUCTOR', 'Only the instructor can do that.')
    const closed = this.playable()
    if (closed) return closed
    if (!seat.side)
      return fail('NOT_SEATED', 'You have no side yet: wait for the instructor to give you one.')
    if (input.side !== undefined && input.side !== seat.side)
      return fail('NOT_YOUR_SIDE', `You play ${this.sideName(seat.side)}, not ${this.sideName(input.side)}.`)
    const silenced = input.type === 'say' ? this.chat.check(seat, now) : null
    if (silenced) return silenced
    const command = { type: input.type, side: seat.side, payload: input.payload }
    return this.apply(command, { kind: 'student', seat: seat.id, name: seat.name }, now)
  }

  /**
   * A command sent by the instructor's connection: one of the instructor's own (an overrule or an injected
   * event, possible while paused too), applied by the rules with the instructor's side stamped and logged as
   * the instructor's. The instructor plays no side, so a side's command is refused.
   */
  instruct(input: SentCommand, now: Date): Reply<{ warned: RuleWarning[] }> {
    if (!isInstructorCommand(input))
      return fail('NOT_SEATED', 'The instructor plays no side: only the instructor’s own commands are taken.')
    if (this.file.status === 'lobby') return fail('NOT_STARTED', 'The game has not started yet.')
    // Russia's answer that ended the game may still be overruled (which can reopen it); nothing else may.
    const overrulable = input.type === 'overrule' && this.game?.phase === 'ended'
    if (this.file.status === 'ended' && !overrulable) return fail('ROOM_ENDED', 'The game is over.')
    return this.apply({ ...input, side: INSTRUCTOR }, { kind: 'instructor' }, now)
  }

  /** A student picks a side, when the instructor lets students pick. */
  pickSide(seatId: string, side: string | null, now: Date, role?: string | null): Reply {
    if (!this.file.settings.picking)
      return fail('PICKING_CLOSED', 'The instructor assigns the sides in this room.')
    return this.assign(seatId, side, now, false, role)
  }

  /** Puts a student on a side (several students may share one) or takes them off it. */
  /**
   * Puts a student on a side (several students may share one) or takes them off it, with one of the side's
   * named roles when `role` is given; a student moved to another side without one loses their old role.
   */
  assign(seatId: string, side: string | null, now: Date, byInstructor = true, role?: string | null): Reply {
    const seat = this.seat(seatId)
    // The role is checked first, so that a refused role leaves the side as it was too.
    const problem = role === undefined ? null : roles.roleProblem(this.index, side, role)
    if (problem) return problem
    const before = seat?.side
    const assigned = roster.assign(this.roster, seatId, side, now, byInstructor)
    if (!assigned.ok || !seat) return assigned
    if (role !== undefined) return roles.setRole(this.roster, seatId, role, now, byInstructor)
    if (seat.side !== before) delete seat.role
    return assigned
  }

  /** Whether the game is over: the rules ended it, or the instructor ended the room. */
  get over(): boolean {
    return this.game?.phase === 'ended' || this.file.status === 'ended'
  }

  /** The instructor adds a question for reflection after the game, asked of every student of the room. */
  addQuestion(text: string, now: Date): Reply {
    return reflection.addQuestion(this.reflecting, text, now)
  }

  /** The instructor removes a question of their own, while nobody has answered it. */
  removeQuestion(id: string, now: Date): Reply {
    return reflection.removeQuestion(this.reflecting, id, now)
  }

  /** A student's answer to one of their questions, once the game is over and until they hand them in. */
  answer(seatId: string, question: string, text: string, now: Date): Reply {
    return reflection.answer(this.reflecting, seatId, question, text, now)
  }

  /** A student hands in their answers (or skips the questions). */
  submitAnswers(seatId: string, now: Date): Reply {
    return reflection.submit(this.reflecting, seatId, now)
  }

  /** What reflection.ts acts on. */
  get reflecting(): reflection.ReflectionRoom {
    return { file: this.file, index: this.index, over: this.over, note: (now, text) => this.note(now, text) }
  }

  /** Mutes a student's messages (their moves go on), or unmutes them. */
  mute(seatId: string, muted: boolean, now: Date): Reply {
    return roster.mute(this.roster, seatId, muted, now)
  }

  /** Removes a student's seat (for one who lost it and joins again); their logged commands stay theirs. */
  removeSeat(seatId: string, now: Date): Reply {
    return roster.removeSeat(this.roster, seatId, now)
  }

  /** Changes the room's settings: picking, the round timer, and the difficulty before the start. */
  configure(settings: Message<'configure'>, now: Date): Reply {
    return status.configure(this.roster, settings, now)
  }

  /** Starts the game: sides with students are played by them, the others by the computer. */
  start(now: Date): Reply {
    if (this.file.status !== 'lobby') return fail('ALREADY_STARTED', 'The game has already started.')
    const seated = new Set(this.file.seats.map((s) => s.side))
    const seats: Record<string, Seat> = Object.fromEntries(
      this.index.proposers.map((side) => [side, seated.has(side) ? 'human' : 'computer'] as const),
    )
    const { seed, difficulty } = this.file.settings
    this.file.setup = { scenarioId: this.index.scenario.id, seats, seed, difficulty }
    this.store = createGameStore(this.index, this.file.setup)
    this.file.status = 'running'
    this.note(now, 'Game started')
    this.runComputers(now)
    this.timedRound = 0
    this.afterChange(now)
    return ok
  }

  /** Pauses a running game: the round timer keeps the time left. */
  pause(now: Date): Reply {
    return status.pause(this.roster, now)
  }

  /** Resumes a paused game with the time that was left. */
  resume(now: Date): Reply {
    return status.resume(this.roster, now)
  }

  /** Ends the game where it stands: no more commands; the debrief shows it as it is. */
  end(now: Date): Reply {
    return status.end(this.roster, now)
  }

  /**
   * The round timer ran out: the round ends (see timeUpCommand). Returns whether anything changed; does
   * nothing before the deadline, so a late or repeated call is harmless.
   */
  expire(now: Date): boolean {
    const { deadline } = this.file.timer
    const game = this.game
    if (this.file.status !== 'running' || deadline === null || now.getTime() < deadline || !game) return false
    const round = game.round
    for (let i = 0; i < 20; i++) {
      const state = this.game
      if (!state || state.round !== round || state.phase === 'ended') break
      const command = timeUpCommand(this.index, state)
      if (!command || !this.dispatch(command, { kind: 'timer' }, now).ok) break
    }
    this.note(now, `Time ran out in round ${round}`)
    this.runComputers(now)
    this.afterChange(now)
    // Should the rules have refused to close the round, try again after another full period, not at once.
    const seconds = this.file.settings.timerSeconds
    if ((this.file.timer.deadline ?? Number.POSITIVE_INFINITY) <= now.getTime())
      this.file.timer.deadline = seconds === null ? null : now.getTime() + seconds * 1000
    return true
  }

  private playable(): ReturnType<typeof fail> | null {
    if (this.file.status === 'lobby') return fail('NOT_STARTED', 'The game has not started yet.')
    if (this.file.status === 'paused') return fail('PAUSED', 'The instructor has paused the game.')
    if (this.file.status === 'ended') return fail('ROOM_ENDED', 'The game is over.')
    return null
  }

  private apply(command: unknown, by: Author, now: Date): Reply<{ warned: RuleWarning[] }> {
    const outcome = this.dispatch(command, by, now)
    if (!outcome.ok) return outcome
    this.runComputers(now)
    this.afterChange(now)
    return outcome
  }

  private dispatch(command: unknown, by: Author, now: Date): Reply<{ warned: RuleWarning[] }> {
    const store = this.store
    if (!store) return fail('NOT_STARTED', 'The game has not started yet.')
    const outcome = store.getState().dispatch(command)
    // A refusal of the rules goes out as its code and ids only: each device words it in its own language.
    if (!outcome.ok) return fail(outcome.refusal.code, outcome.refusal.code, outcome.refusal.params)
    this.record(store.getState().log.length - 1, by, now)
    return { ok: true, warned: outcome.warned }
  }

  private runComputers(now: Date): void {
    const store = this.store
    if (!store) return
    const from = store.getState().log.length
    store.getState().runComputers()
    this.record(from, { kind: 'computer' }, now)
  }

  /** Appends the store's log entries from `from` on to the room's log, attributed to `by`. */
  private record(from: number, by: Author, now: Date): void {
    const log = this.store?.getState().log ?? []
    for (let i = from; i < log.length; i++) {
      const command = log[i] as Command
      this.file.log.push({ command, by, at: now.toISOString() })
    }
  }

  /**
   * A game the rules ended closes the room (no deadline, no more moves); an overrule that reopens it opens
   * the room again. A new round gets a new deadline.
   */
  private afterChange(now: Date): void {
    const game = this.game
    if (!game) return
    if (game.phase === 'ended') {
      this.closeEnded(now)
      return
    }
    if (this.file.status === 'ended') {
      this.file.status = 'running'
      this.note(now, 'Game reopened by the instructor’s overrule')
    }
    if (this.file.status !== 'running') return
    const seconds = this.file.settings.timerSeconds
    if (seconds !== null && (game.round !== this.timedRound || this.file.timer.deadline === null))
      this.file.timer.deadline = now.getTime() + seconds * 1000
    this.timedRound = game.round
  }

  /** Closes the room of a game the rules ended: its status is `ended`, its timer stopped, the journal says so. */
  private closeEnded(now: Date): void {
    if (this.file.status === 'ended') return
    this.file.status = 'ended'
    this.file.timer = { deadline: null, remainingMs: null }
    const id = this.game?.ending?.id
    const title = this.index.scenario.endings.find((e) => e.id === id)?.title ?? id ?? ''
    this.note(
      now,
      `Game over: ${title} (${this.endedBy === 'timer' ? 'after the time ran out' : 'by the rules'})`,
    )
  }

  /** What roster.ts acts on: the room's record, its scenario and its journal. */
  private get roster(): roster.RosterRoom {
    return {
      file: this.file,
      index: this.index,
      note: (now, text) => this.note(now, text),
      sideName: (side) => this.sideName(side),
    }
  }

  private note(now: Date, text: string): void {
    this.file.journal.push({ at: now.toISOString(), text })
  }

  sideName(side: string): string {
    return this.index.sides.get(side)?.name ?? side
  }
}
