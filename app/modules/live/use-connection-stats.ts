import { useEffect, useState } from 'react'

export type LinkStats = {
  framesDecoded: number
  framesPerSecond: number
  roundTripMs: number | null
  lossRatio: number
  quality: 'good' | 'fair' | 'poor'
  /** Through a TURN relay, or browser to browser. */
  route: 'relay' | 'direct' | null
}

async function readStats(pc: RTCPeerConnection, previous: LinkStats | undefined): Promise<LinkStats> {
  let framesDecoded = 0
  let framesPerSecond = 0
  let received = 0
  let lost = 0
  let roundTripMs: number | null = null
  let localCandidateId: string | undefined
  const report = await pc.getStats()
  report.forEach((entry) => {
    if (entry.type === 'inbound-rtp') {
      received += entry.packetsReceived ?? 0
      lost += entry.packetsLost ?? 0
      if (entry.kind === 'video') {
        framesDecoded += entry.framesDecoded ?? 0
        framesPerSecond = entry.framesPerSecond ?? framesPerSecond
      }
    }
    if (entry.type === 'candidate-pair' && entry.nominated && entry.state === 'succeeded' && typeof entry.currentRoundTripTime === 'number') {
      roundTripMs = Math.round(entry.currentRoundTripTime * 1000)
      localCandidateId = entry.localCandidateId
    }
  })
  const localCandidate = localCandidateId ? report.get(localCandidateId) : undefined
  const route = localCandidate ? (localCandidate.candidateType === 'relay' ? 'relay' : 'direct') : null
  const lossRatio = received + lost > 0 ? lost / (received + lost) : 0
  const stalled = previous !== undefined && previous.framesDecoded === framesDecoded && framesDecoded > 0
  const rtt = roundTripMs ?? 0
  const quality = stalled || lossRatio > 0.08 || rtt > 600 ? 'poor' : lossRatio > 0.02 || rtt > 250 ? 'fair' : 'good'
  return { framesDecoded, framesPerSecond, roundTripMs, lossRatio, quality, route }
}

/** getStats of every peer connection every two seconds: the connection-quality indicator. */
export function useConnectionStats(connections: () => Array<{ participantId: string; pc: RTCPeerConnection }>, active: boolean) {
  const [stats, setStats] = useState<Record<string, LinkStats>>({})
  useEffect(() => {
    if (!active) return
    let latest: Record<string, LinkStats> = {}
    const timer = setInterval(async () => {
      const entries = await Promise.all(
        connections().map(async ({ participantId, pc }) => [participantId, await readStats(pc, latest[participantId]).catch(() => undefined)] as const),
      )
      latest = Object.fromEntries(entries.filter((entry): entry is [string, LinkStats] => Boolean(entry[1])))
      setStats(latest)
    }, 2000)
    return () => clearInterval(timer)
  }, [connections, active])
  return stats
}
