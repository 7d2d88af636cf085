import type { AssistanceStatus, AssistanceUrgency } from '~/generated/prisma/enums'
import { createRandom, randomVin, type Random } from '~/utils/seeded-random'
import { SYSTEM_CODES, type SystemCode } from '~/utils/vehicle-schema'
import { dueDates, type SlaPolicy } from '../sla'
import { followUps, requestTemplates, type RequestTemplate, type Text } from './request-templates'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export type DemoRequestInput = {
  requesters: Array<{ id: string; stationId: string }>
  experts: Array<{ id: string; systems: string[] }>
  models: Array<{ id: string; nameZh: string; yearFrom: number; yearTo: number }>
  policy: SlaPolicy
  now: Date
  /** The newest open requests fall in these systems, so one expert's live queue has work waiting. */
  liveQueueSystems: string[]
  count?: number
  seed?: number
}

export type DemoEvent = { actorId: string; kind: string; data?: Record<string, string | boolean | null>; createdAt: Date }
export type DemoMessage = { authorId: string; body: string; createdAt: Date }
export type DemoVisit = { expertId: string; scheduledAt: Date; visitedAt: Date | null; outcome: string | null; createdAt: Date }

type Lifecycle = {
  status: AssistanceStatus
  assigneeId: string | null
  cause: string | null
  fix: string | null
  firstTimeFix: boolean | null
  reopenCount: number
  claimedAt: Date | null
  resolvedAt: Date | null
  closedAt: Date | null
  events: DemoEvent[]
  messages: DemoMessage[]
  visits: DemoVisit[]
}

export type DemoRequest = Lifecycle & {
  requesterId: string
  stationId: string
  modelId: string
  year: number
  vin: string | null
  mileageKm: number | null
  systemCode: SystemCode
  dtcs: string[]
  symptoms: string
  tried: string | null
  readings: string | null
  urgency: AssistanceUrgency
  createdAt: Date
  responseDueAt: Date
  resolutionDueAt: Date
}

const after = (date: Date, ms: number) => new Date(date.getTime() + ms)
const between = (from: Date, to: Date, fraction: number) => after(from, (to.getTime() - from.getTime()) * fraction)
const repeat = <T>(count: number, make: () => T) => Array.from({ length: count }, make)

type Plan = { status: AssistanceStatus; createdAt: Date; systems?: SystemCode[] }

const CHINA_OFFSET = 8 * HOUR

/** Stations file requests while their workshops are open (China time). */
function duringWorkshopHours(random: Random, day: Date) {
  const localMidnight = Math.floor((day.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET
  return new Date(localMidnight + random.between(8.5 * HOUR, 18 * HOUR))
}

/** Six months of requests that went the whole way, old enough to be closed by now. */
function historyPlans(random: Random, now: Date, count: number): Plan[] {
  return repeat(count, () => ({ status: 'CLOSED', createdAt: duringWorkshopHours(random, after(now, -random.between(8 * DAY, 182 * DAY))) }))
}

/** What the portal looks like today: fresh and overdue requests waiting, others in hand or awaiting confirmation. */
function currentPlans(random: Random, now: Date, liveQueueSystems: SystemCode[]): Plan[] {
  const ago = (min: number, max: number) => after(now, -random.between(min, max))
  const fresh = liveQueueSystems.length > 0 ? liveQueueSystems : undefined
  return [
    { status: 'OPEN', createdAt: ago(2 * MINUTE, 10 * MINUTE), systems: fresh },
    { status: 'OPEN', createdAt: ago(12 * MINUTE, 28 * MINUTE), systems: fresh },
    { status: 'OPEN', createdAt: ago(40 * MINUTE, 80 * MINUTE) },
    ...repeat(4, (): Plan => ({ status: 'OPEN', createdAt: ago(3 * HOUR, 4 * DAY) })),
    ...repeat(6, (): Plan => ({ status: 'CLAIMED', createdAt: ago(90 * MINUTE, 3 * DAY) })),
    ...repeat(2, (): Plan => ({ status: 'ONSITE', createdAt: ago(1 * DAY, 4 * DAY) })),
    ...repeat(5, (): Plan => ({ status: 'RESOLVED', createdAt: ago(1 * DAY, 12 * DAY) })),
  ]
}

// How often stations ask about each system: engines and wiring far more than bodywork.
const SYSTEM_WEIGHTS: Record<SystemCode, number> = { engine: 5, electrical: 4, transmission: 3, ev: 3, chassis: 2, hvac: 2, body: 2 }

function pickSystem(random: Random, systems: SystemCode[]) {
  const total = systems.reduce((sum, system) => sum + SYSTEM_WEIGHTS[system], 0)
  let left = random.between(0, total)
  for (const system of systems) {
    left -= SYSTEM_WEIGHTS[system]
    if (left < 0) return system
  }
  return systems[systems.length - 1]
}

const isSystemCode = (code: string): code is SystemCode => (SYSTEM_CODES as readonly string[]).includes(code)

// A pure EV has no engine or gearbox to ask about; only electrified models have a high-voltage system.
const PURE_EV_MODELS = ['几何A']
const ELECTRIFIED_MODELS = ['银河L7', '几何A']

function modelsFor(system: SystemCode, models: DemoRequestInput['models']) {
  const fitting = models.filter((model) => {
    if (system === 'ev') return ELECTRIFIED_MODELS.includes(model.nameZh)
    if (system === 'engine' || system === 'transmission') return !PURE_EV_MODELS.includes(model.nameZh)
    return true
  })
  return fitting.length > 0 ? fitting : models
}


/** Most claims come within the two-hour response target; a quarter miss it. */
const responseDelay = (random: Random) => (random.chance(0.75) ? random.between(10 * MINUTE, 110 * MINUTE) : random.between(2 * HOUR, 5 * HOUR))
/** Most fixes land within the three-day resolution target; a fifth miss it. */
const resolutionDelay = (random: Random) => (random.chance(0.8) ? random.between(4 * HOUR, 70 * HOUR) : random.between(3 * DAY, 5 * DAY))
const confirmationDelay = (random: Random) => random.between(15 * MINUTE, 24 * HOUR)

type Story = {
  random: Random
  now: Date
  say: (text: Text) => string
  template: RequestTemplate
  requesterId: string
  expertId: string
  createdAt: Date
}

function conversation(story: Story, from: Date, to: Date, count: number): DemoMessage[] {
  const { template, say, expertId, requesterId } = story
  const lines = [
    { authorId: expertId, text: template.question, at: 0.1 },
    { authorId: requesterId, text: template.answer, at: 0.35 },
    { authorId: expertId, text: followUps.repairAdvice, at: 0.75 },
  ]
  return lines.slice(0, count).map((line) => ({ authorId: line.authorId, body: say(line.text), createdAt: between(from, to, line.at) }))
}

const unworked = (): Lifecycle => ({
  status: 'OPEN',
  assigneeId: null,
  cause: null,
  fix: null,
  firstTimeFix: null,
  reopenCount: 0,
  claimedAt: null,
  resolvedAt: null,
  closedAt: null,
  events: [],
  messages: [],
  visits: [],
})

function claimed(story: Story): Lifecycle {
  const { random, now, createdAt, expertId } = story
  const claimedAt = after(createdAt, Math.min(responseDelay(random), (now.getTime() - createdAt.getTime()) / 2))
  return {
    ...unworked(),
    status: 'CLAIMED',
    assigneeId: expertId,
    claimedAt,
    events: [{ actorId: expertId, kind: 'claimed', createdAt: claimedAt }],
    messages: conversation(story, claimedAt, story.now, random.int(1, 2)),
  }
}

function escalated(story: Story): Lifecycle {
  const base = claimed(story)
  const escalatedAt = between(base.claimedAt!, story.now, 0.6)
  const scheduledAt = after(story.now, story.random.between(3 * HOUR, 30 * HOUR))
  return {
    ...base,
    status: 'ONSITE',
    events: [...base.events, { actorId: story.expertId, kind: 'escalated', data: { scheduledAt: scheduledAt.toISOString(), note: story.say(followUps.visitNote) }, createdAt: escalatedAt }],
    messages: [...base.messages, { authorId: story.expertId, body: story.say(followUps.onsiteNotice), createdAt: after(escalatedAt, MINUTE) }],
    visits: [{ expertId: story.expertId, scheduledAt, visitedAt: null, outcome: null, createdAt: escalatedAt }],
  }
}

/** A detour on the way to the fix: an on-site visit, or a fix that did not hold and was reopened. */
function detour(story: Story, claimedAt: Date, resolvedAt: Date, kind: 'visit' | 'reopen' | 'none'): Pick<Lifecycle, 'events' | 'visits' | 'reopenCount'> {
  const { expertId, requesterId, say } = story
  const at = (fraction: number) => between(claimedAt, resolvedAt, fraction)
  if (kind === 'visit') {
    const visit = { expertId, scheduledAt: at(0.45), visitedAt: at(0.5), outcome: say(story.template.cause), createdAt: at(0.2) }
    return {
      reopenCount: 0,
      visits: [visit],
      events: [
        { actorId: expertId, kind: 'escalated', data: { scheduledAt: visit.scheduledAt.toISOString(), note: say(followUps.visitNote) }, createdAt: visit.createdAt },
        { actorId: expertId, kind: 'visited', data: { outcome: visit.outcome }, createdAt: visit.visitedAt },
      ],
    }
  }
  if (kind === 'reopen') {
    return {
      reopenCount: 1,
      visits: [],
      events: [
        { actorId: expertId, kind: 'resolved', createdAt: at(0.4) },
        { actorId: requesterId, kind: 'reopened', data: { reason: say(followUps.reopenReason) }, createdAt: at(0.6) },
      ],
    }
  }
  return { reopenCount: 0, visits: [], events: [] }
}

function resolved(story: Story, kind: 'visit' | 'reopen' | 'none'): Lifecycle {
  const { random, now, expertId, template, say } = story
  const base = claimed(story)
  const claimedAt = base.claimedAt!
  const resolvedAt = after(claimedAt, Math.min(resolutionDelay(random), (now.getTime() - claimedAt.getTime()) * 0.8))
  const path = detour(story, claimedAt, resolvedAt, kind)
  return {
    ...base,
    ...path,
    status: 'RESOLVED',
    cause: say(template.cause),
    fix: say(template.fix),
    resolvedAt,
    events: [...base.events, ...path.events, { actorId: expertId, kind: 'resolved', createdAt: resolvedAt }],
    messages: conversation(story, claimedAt, resolvedAt, random.int(1, 3)),
  }
}

function closed(story: Story): Lifecycle {
  const { random, now, requesterId, say } = story
  const firstTimeFix = random.chance(0.8)
  const kind = !firstTimeFix && random.chance(0.5) ? 'reopen' : random.chance(0.1) ? 'visit' : 'none'
  const base = resolved(story, kind)
  const resolvedAt = base.resolvedAt!
  const closedAt = after(resolvedAt, Math.min(confirmationDelay(random), (now.getTime() - resolvedAt.getTime()) * 0.9))
  const thanks = random.chance(0.5) ? [{ authorId: requesterId, body: say(followUps.thanks), createdAt: between(resolvedAt, closedAt, 0.5) }] : []
  return {
    ...base,
    status: 'CLOSED',
    firstTimeFix,
    closedAt,
    events: [...base.events, { actorId: requesterId, kind: 'confirmed', data: { firstTimeFix }, createdAt: closedAt }],
    messages: [...base.messages, ...thanks],
  }
}

function lifecycle(status: AssistanceStatus, story: Story): Lifecycle {
  switch (status) {
    case 'OPEN':
      return unworked()
    case 'CLAIMED':
      return claimed(story)
    case 'ONSITE':
      return escalated(story)
    case 'RESOLVED':
      return resolved(story, story.random.chance(0.1) ? 'visit' : 'none')
    case 'CLOSED':
      return closed(story)
  }
}

function buildRequest(random: Random, input: DemoRequestInput, plan: Plan, coveredSystems: SystemCode[]): DemoRequest {
  const systemCode = pickSystem(random, plan.systems ?? coveredSystems)
  const template = random.pick(requestTemplates[systemCode])
  const language = random.chance(0.8) ? 'zh' : 'en'
  const say = (text: Text) => text[language]
  const requester = random.pick(input.requesters)
  const expert = random.pick(input.experts.filter((candidate) => candidate.systems.includes(systemCode)))
  const model = random.pick(modelsFor(systemCode, input.models))
  const { createdAt } = plan
  const story: Story = { random, now: input.now, say, template, requesterId: requester.id, expertId: expert.id, createdAt }
  const vehicleAndFault = {
    requesterId: requester.id,
    stationId: requester.stationId,
    modelId: model.id,
    year: random.int(model.yearFrom, model.yearTo),
    vin: random.chance(0.7) ? randomVin(random) : null,
    mileageKm: random.chance(0.9) ? random.int(500, 180_000) : null,
    systemCode,
    dtcs: template.dtcs,
    symptoms: say(template.symptoms),
    tried: random.chance(0.85) ? say(template.tried) : null,
    readings: random.chance(0.7) ? say(template.readings) : null,
    urgency: random.chance(0.15) ? ('VOR' as const) : ('NORMAL' as const),
    createdAt,
    ...dueDates(createdAt, input.policy),
  }
  const life = lifecycle(plan.status, story)
  return { ...vehicleAndFault, ...life, events: [{ actorId: requester.id, kind: 'created', createdAt }, ...life.events] }
}

/**
 * About six months of assistance requests from the given station users, each handled by an expert
 * who declared its system, with activity, messages and visits. Pure: the same input, the same output.
 */
export function generateDemoRequests(input: DemoRequestInput): DemoRequest[] {
  const { count = 180, seed = 1, now } = input
  const coveredSystems = SYSTEM_CODES.filter((system) => input.experts.some((expert) => expert.systems.includes(system)))
  if (input.requesters.length === 0 || input.models.length === 0 || coveredSystems.length === 0) return []
  const random = createRandom(seed)
  const liveQueueSystems = input.liveQueueSystems.filter(isSystemCode).filter((system) => coveredSystems.includes(system))
  const current = currentPlans(random, now, liveQueueSystems)
  const plans = [...historyPlans(random, now, Math.max(0, count - current.length)), ...current]
  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
  return plans.map((plan) => buildRequest(random, input, plan, coveredSystems))
}
