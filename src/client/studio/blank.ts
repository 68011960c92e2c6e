/**
 * The scenario a new draft starts from when the teacher starts from nothing: a complete, playable game on
 * any topic (two proposing sides, a responder, one meter, one instrument, three endings) whose only gaps are
 * the ones no default can fill: the article it draws on (`seeds`) and the passage behind its instrument
 * (`source`). The checker reports just those two, at their fields; the Sources panel fills both. Every name
 * ("Side A", "First offer") is a plain word the teacher renames in the forms, never a marker to find.
 */

/** Today's date as the format writes it (YYYY-MM-DD), in the teacher's own time zone. */
function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The text of a new scenario, set on `now`'s date. */
export function blankScenario(now = new Date()): string {
  return `# A scenario made in the Red Lines studio. Comments like this one are kept when the studio saves.
formatVersion: 5
id: my-scenario
title: My scenario
summary: >-
  Two sides put packages on the table, round by round, and a third side answers each one.
language: en
setOn: ${today(now)}
stage:
  kind: table

# The articles the scenario quotes: add one in the studio's Sources panel.
seeds: []
rounds: 3

sides:
  - id: side-a
    name: Side A
    role: proposer
    briefing: >-
      You represent Side A. With Side B, you put together a package and put it on the table; the
      Responder answers it.
    interests:
      - An agreement the Responder accepts.
  - id: side-b
    name: Side B
    role: proposer
    briefing: >-
      You represent Side B. With Side A, you put together a package and put it on the table; the
      Responder answers it.
    interests:
      - An agreement that does not cost too much.
  - id: responder
    name: Responder
    role: responder
    briefing: You play the Responder, who answers each package the other sides put on the table.
    interests:
      - A package it can accept.

actors: []

meters:
  - id: tension
    name: Tension
    description: How strained relations between the sides are.
    start: 30
    better: lower

instruments:
  # Each instrument needs a passage of an article behind it: choose one in the Sources panel.
  - id: first-offer
    name: First offer
    description: What the proposing sides can offer first.
    proposers: [side-a, side-b]
    deterrence: 3
    costs: { side-a: 1, side-b: 1 }
    source: []

redLines: []
preferences: []

response:
  disposition: 1
  acceptAt: 0
  noise: 1
  effects:
    accept:
      - { meter: tension, add: -10 }
    reject:
      - { meter: tension, add: 5 }

unilateral:
  title: Go ahead without the Responder's consent
  description: The proposing sides put the package into effect although the Responder did not accept it.
  effects:
    - { meter: tension, add: 20 }

endings:
  - id: agreement
    kind: deal
    title: Agreement
    text: The Responder accepts the package.
    when: { response: accept }
    scores: { side-a: 10, side-b: 10 }
  - id: imposed
    kind: unilateral
    title: Imposed
    text: The proposing sides go ahead without the Responder's consent.
    when: { flag: implemented-without-consent }
    scores: { side-a: 0, side-b: -5 }
  - id: no-agreement
    kind: collapse
    title: No agreement
    text: The rounds run out without an agreement.
    onRoundLimit: true
    scores: { side-a: -5, side-b: -5 }

scoring:
  side-a:
    par: 5
    terms:
      - { meter: tension, weight: -0.2, label: Tension }
  side-b:
    par: 5
    terms:
      - { meter: tension, weight: -0.2, label: Tension }
`
}
