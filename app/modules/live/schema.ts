import { z } from 'zod'
import { LIVE_ROOM_ID } from './rooms'

const roomId = z.string().regex(LIVE_ROOM_ID, 'a call id like assistance:abc')
const participantId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a participant id')

export const joinSchema = z.object({ roomId, participantId, muted: z.boolean().default(false), videoOff: z.boolean().default(false) }).strict()
export const leaveSchema = z.object({ roomId }).strict()
export const stateSchema = z.object({ roomId, muted: z.boolean(), videoOff: z.boolean() }).strict()

/** A WebRTC signal (SDP or ICE candidate) for one peer connection; SDPs stay well under 16 KB. */
export const signalSchema = z
  .object({
    roomId,
    to: participantId,
    connectionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    data: z.record(z.unknown()).refine((value) => JSON.stringify(value).length <= 16_384, 'signal too large'),
  })
  .strict()

const recordingId = z.string().regex(/^[a-z0-9]{20,40}$/, 'a recording id')
export const recordingRoomSchema = z.object({ roomId }).strict()
export const recordingAnswerSchema = z.object({ roomId, recordingId, accepted: z.boolean() }).strict()
export const recordingStopSchema = z.object({ roomId, recordingId }).strict()
