import { getDb } from '~/utils/db.server'
import { publish } from '~/utils/realtime.server'
import type { SessionUser } from '~/utils/session-user'
import type { Prisma } from '~/generated/prisma/client'
import { mayRecordLiveRoom, mayViewLiveRoom } from './access.server'
import { ACTIVE_RECORDING, recordingOutcome } from './recording-consent'
import { LIVE_EVENTS, liveRoom } from './rooms'
import { ChunkTooLargeError, assembleChunks, recordingFile, storeChunk } from './recording-storage.server'

/** About two hours of a call at a generous bit rate. */
export const MAX_RECORDING_BYTES = 2 * 1024 ** 3
/** A recorder sends a chunk every second; one silent for this long was lost with its tab. */
const ABANDONED_AFTER_MS = 5 * 60_000
/** After the recorder stopped, its last chunks may still be on their way. */
const SETTLE_AFTER_STOP_MS = 15_000

export type RecordingState = {
  id: string
  roomId: string
  status: string
  startedBy: { id: string; name: string }
  /** Participants who have not yet accepted the recording notice. */
  pending: Array<{ id: string; name: string }>
  declinedBy: Array<{ id: string; name: string }>
}

const stateSelect = {
  id: true,
  roomId: true,
  status: true,
  startedAt: true,
  startedBy: { select: { id: true, name: true } },
  consents: { select: { userId: true, accepted: true, user: { select: { id: true, name: true } } } },
} satisfies Prisma.RecordingSelect

type Tx = Prisma.TransactionClient

/** Changes to one call's recordings happen one at a time, on every node (a transaction-scoped lock). */
async function inRoomLock<T>(roomId: string, run: (tx: Tx) => Promise<T>) {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`recording:${roomId}`}))`
    return run(tx)
  })
}

/**
 * Applies the rule of consent to the call's active recording, given who is in the call now, and
 * returns what everyone should see (null when nothing is being recorded or asked for).
 */
async function settle(tx: Tx, roomId: string, participants: Array<{ id: string; name: string }>): Promise<RecordingState | null> {
  const recording = await tx.recording.findFirst({ where: { roomId, status: { in: [...ACTIVE_RECORDING] } }, select: stateSelect, orderBy: { createdAt: 'desc' } })
  if (!recording) return null
  const { status, pending } = recordingOutcome({
    starterId: recording.startedBy.id,
    hasStarted: recording.startedAt !== null,
    participantIds: participants.map((participant) => participant.id),
    consents: recording.consents,
  })
  if (status !== recording.status) {
    const now = new Date()
    await tx.recording.update({
      where: { id: recording.id },
      data: { status, ...(status === 'RECORDING' && !recording.startedAt ? { startedAt: now } : {}), ...(status === 'STOPPED' || status === 'DECLINED' ? { endedAt: now } : {}) },
    })
  }
  const names = new Map(participants.map((participant) => [participant.id, participant.name]))
  return {
    id: recording.id,
    roomId,
    status,
    startedBy: recording.startedBy,
    pending: pending.map((id) => ({ id, name: names.get(id) ?? '' })),
    declinedBy: recording.consents.filter((consent) => !consent.accepted).map((consent) => consent.user),
  }
}

/** The call's recording as it stands for who is in the call now (after someone joined or left). */
export async function settleRecording(roomId: string, participants: Array<{ id: string; name: string }>) {
  // Most calls are never recorded: they need no lock.
  const active = await getDb().recording.count({ where: { roomId, status: { in: [...ACTIVE_RECORDING] } } })
  return active === 0 ? null : inRoomLock(roomId, (tx) => settle(tx, roomId, participants))
}

/** Asks everyone in the call to accept a recording; the one who asks has accepted by asking. */
export async function requestRecording({ user, roomId, participants }: { user: SessionUser; roomId: string; participants: Array<{ id: string; name: string }> }) {
  if (!(await mayRecordLiveRoom(user, roomId))) return { ok: false as const, error: 'forbidden' }
  return inRoomLock(roomId, async (tx) => {
    const active = await tx.recording.count({ where: { roomId, status: { in: [...ACTIVE_RECORDING] } } })
    if (active > 0) return { ok: false as const, error: 'already recording' }
    await tx.recording.create({ data: { roomId, startedById: user.id, consents: { create: { userId: user.id, accepted: true } } } })
    return { ok: true as const, state: await settle(tx, roomId, participants) }
  })
}

export async function answerRecording({
  user,
  roomId,
  recordingId,
  accepted,
  participants,
}: {
  user: SessionUser
  roomId: string
  recordingId: string
  accepted: boolean
  participants: Array<{ id: string; name: string }>
}) {
  return inRoomLock(roomId, async (tx) => {
    const recording = await tx.recording.findFirst({ where: { id: recordingId, roomId, status: { in: [...ACTIVE_RECORDING] } }, select: { id: true } })
    if (!recording) return { ok: false as const, error: 'no such recording' }
    await tx.recordingConsent.upsert({
      where: { recordingId_userId: { recordingId, userId: user.id } },
      create: { recordingId, userId: user.id, accepted },
      update: { accepted, answeredAt: new Date() },
    })
    return { ok: true as const, state: await settle(tx, roomId, participants) }
  })
}

/** The one who started it (or an admin) stops it; its last chunks are still accepted. */
export async function stopRecording({ user, roomId, recordingId }: { user: SessionUser; roomId: string; recordingId: string }) {
  return inRoomLock(roomId, async (tx) => {
    const recording = await tx.recording.findFirst({ where: { id: recordingId, roomId, status: { in: [...ACTIVE_RECORDING] } }, select: { startedById: true, startedAt: true } })
    if (!recording) return { ok: false as const, error: 'no such recording' }
    if (recording.startedById !== user.id && user.role !== 'ADMIN') return { ok: false as const, error: 'forbidden' }
    await tx.recording.update({ where: { id: recordingId }, data: { status: recording.startedAt ? 'STOPPED' : 'DECLINED', endedAt: new Date() } })
    return { ok: true as const }
  })
}

export type ChunkOutcome = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409 | 413; error: string }

const RECORDING_TYPE = /^video\/(webm|mp4)(;[\w=,.\s-]*)?$/

/**
 * A chunk from the recorder. Accepted only from whoever started the recording, and only once
 * every participant had accepted it: before that the server keeps nothing.
 */
export async function acceptChunk({
  user,
  recordingId,
  sequence,
  mimeType,
  body,
}: {
  user: Pick<SessionUser, 'id'>
  recordingId: string
  sequence: number
  mimeType: string
  body: AsyncIterable<Uint8Array>
}): Promise<ChunkOutcome> {
  const recording = await getDb().recording.findUnique({ where: { id: recordingId }, select: { startedById: true, startedAt: true, status: true, mimeType: true, sizeBytes: true } })
  if (!recording) return { ok: false, status: 404, error: 'no such recording' }
  if (recording.startedById !== user.id) return { ok: false, status: 403, error: 'only the one recording sends its chunks' }
  if (!recording.startedAt) return { ok: false, status: 409, error: 'not everyone has accepted the recording' }
  if (!['RECORDING', 'AWAITING_CONSENT', 'STOPPED'].includes(recording.status)) return { ok: false, status: 409, error: 'the recording is finished' }
  if (!RECORDING_TYPE.test(mimeType) || (recording.mimeType && recording.mimeType !== mimeType)) return { ok: false, status: 400, error: 'a recording chunk is video/webm or video/mp4, the same for every chunk' }
  if (recording.sizeBytes >= MAX_RECORDING_BYTES) return { ok: false, status: 413, error: 'the recording has reached its size limit' }
  let stored
  try {
    stored = await storeChunk(recordingId, sequence, body)
  } catch (error) {
    if (error instanceof ChunkTooLargeError) return { ok: false, status: 413, error: error.message }
    throw error
  }
  await getDb().$executeRaw`
    UPDATE "Recording" SET "chunkCount" = GREATEST("chunkCount", ${sequence + 1}), "sizeBytes" = "sizeBytes" + ${stored.growth},
      "lastChunkAt" = now(), "mimeType" = COALESCE("mimeType", ${mimeType})
    WHERE id = ${recordingId}`
  return { ok: true }
}

/**
 * Turns a stopped recording's chunks into one playable file. Exactly one caller (on any node)
 * does it: the status moves STOPPED -> ASSEMBLING under a conditional update.
 */
export async function assembleRecording(recordingId: string) {
  const db = getDb()
  const claimed = await db.recording.updateMany({ where: { id: recordingId, status: 'STOPPED' }, data: { status: 'ASSEMBLING' } })
  if (claimed.count === 0) return
  const recording = await db.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { mimeType: true, roomId: true } })
  try {
    const file = recording.mimeType ? await assembleChunks(recordingId, recording.mimeType) : null
    await db.recording.update({
      where: { id: recordingId },
      data: file ? { status: 'READY', durationMs: file.durationMs, sizeBytes: file.sizeBytes } : { status: 'FAILED' },
    })
  } catch (error) {
    console.error(`recording ${recordingId}: assembly failed`, error)
    await db.recording.update({ where: { id: recordingId }, data: { status: 'FAILED' } })
  }
  publish(liveRoom(recording.roomId), LIVE_EVENTS.recordingsChanged, { roomId: recording.roomId })
}

/** The recorder says it has sent its last chunk: stop (if not yet) and assemble now. */
export async function finishRecording({ user, recordingId }: { user: Pick<SessionUser, 'id'>; recordingId: string }) {
  const recording = await getDb().recording.findUnique({ where: { id: recordingId }, select: { startedById: true, startedAt: true } })
  if (!recording) return { ok: false as const, status: 404 as const }
  if (recording.startedById !== user.id) return { ok: false as const, status: 403 as const }
  await getDb().recording.updateMany({
    where: { id: recordingId, status: { in: [...ACTIVE_RECORDING] } },
    data: { status: recording.startedAt ? 'STOPPED' : 'DECLINED', endedAt: new Date() },
  })
  await assembleRecording(recordingId)
  const { status } = await getDb().recording.findUniqueOrThrow({ where: { id: recordingId }, select: { status: true } })
  return { ok: true as const, recordingStatus: status }
}

/**
 * Recordings whose recorder went away (tab closed or crashed, no "finish"): what reached the
 * server is assembled, so at most the last seconds are lost. Runs when the recordings are listed.
 */
async function assembleAbandoned(roomId: string) {
  const db = getDb()
  const now = Date.now()
  // It ended when its last chunk arrived.
  await db.$executeRaw`
    UPDATE "Recording" SET status = 'STOPPED', "endedAt" = COALESCE("lastChunkAt", "startedAt")
    WHERE "roomId" = ${roomId} AND status IN ('AWAITING_CONSENT', 'RECORDING') AND "startedAt" IS NOT NULL
      AND COALESCE("lastChunkAt", "startedAt") < ${new Date(now - ABANDONED_AFTER_MS)}`
  const settled = await db.recording.findMany({
    where: { roomId, status: 'STOPPED', OR: [{ endedAt: { lt: new Date(now - SETTLE_AFTER_STOP_MS) } }, { endedAt: null }] },
    select: { id: true },
  })
  // In the background: a long recording takes a moment, and the page need not wait for it.
  for (const { id } of settled) void assembleRecording(id)
}

/** A call's recordings for its page: finished ones play; others say where they are. */
export async function listRecordings({ user, roomId }: { user: SessionUser; roomId: string }) {
  if (!(await mayViewLiveRoom(user, roomId))) return []
  await assembleAbandoned(roomId)
  const recordings = await getDb().recording.findMany({
    where: { roomId, status: { in: ['STOPPED', 'ASSEMBLING', 'READY', 'FAILED'] } },
    select: { id: true, status: true, mimeType: true, durationMs: true, sizeBytes: true, startedAt: true, endedAt: true, startedBy: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
  })
  return recordings.map((recording) => ({ ...recording, sizeBytes: Number(recording.sizeBytes) }))
}

/** A finished recording's file, for someone who may watch the call's recordings. */
export async function openRecording({ user, recordingId }: { user: SessionUser; recordingId: string }) {
  const recording = await getDb().recording.findUnique({ where: { id: recordingId }, select: { roomId: true, status: true, mimeType: true, sizeBytes: true, createdAt: true } })
  if (!recording || recording.status !== 'READY' || !recording.mimeType) return null
  if (!(await mayViewLiveRoom(user, recording.roomId))) return null
  return { path: recordingFile(recordingId, recording.mimeType), mimeType: recording.mimeType.split(';')[0], sizeBytes: Number(recording.sizeBytes), createdAt: recording.createdAt }
}
