import { getDb } from '~/utils/db.server'
import { publish, setUserRooms, usersInRoom } from '~/utils/realtime.server'
import type { SessionUser } from '~/utils/session-user'
import type { SystemCode } from '~/utils/vehicle-schema'
import { ASSISTANCE_EVENTS, ONLINE_EXPERTS_ROOM, PRESENCE_WATCHERS_ROOM, expertsOfSystemRoom } from './rooms'
import { SYSTEM_CODES } from '~/utils/vehicle-schema'

export const isExpert = (user: Pick<SessionUser, 'role'>) => user.role === 'ENGINEER'

export async function getExpertProfile(userId: string) {
  const profile = await getDb().expertProfile.findUnique({ where: { userId }, select: { systems: true, available: true } })
  return profile ?? { systems: [] as string[], available: false }
}

/** The rooms an expert's sockets belong to: a queue per declared system while available. */
export function expertRooms(profile: { systems: string[]; available: boolean }) {
  return profile.available ? [ONLINE_EXPERTS_ROOM, ...profile.systems.map(expertsOfSystemRoom)] : []
}

const ALL_EXPERT_ROOMS = [ONLINE_EXPERTS_ROOM, ...SYSTEM_CODES.map(expertsOfSystemRoom)]

/** Declares systems and goes online or offline; every open tab of the expert follows at once. */
export async function updateExpertProfile({ user, systems, available }: { user: Pick<SessionUser, 'id'>; systems: SystemCode[]; available: boolean }) {
  const profile = await getDb().expertProfile.upsert({
    where: { userId: user.id },
    create: { userId: user.id, systems, available },
    update: { systems, available },
    select: { systems: true, available: true },
  })
  setUserRooms(user.id, { leave: ALL_EXPERT_ROOMS, join: expertRooms(profile) })
  publish(PRESENCE_WATCHERS_ROOM, ASSISTANCE_EVENTS.presence, { userId: user.id, available })
  return profile
}

/** Experts with their systems; `online` = declared available and connected right now (any node). */
export async function listExperts() {
  const [experts, connected] = await Promise.all([
    getDb().user.findMany({
      where: { role: 'ENGINEER' },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, expertProfile: { select: { systems: true, available: true } } },
    }),
    usersInRoom(ONLINE_EXPERTS_ROOM),
  ])
  return experts.map(({ expertProfile, ...expert }) => ({
    ...expert,
    systems: expertProfile?.systems ?? [],
    online: Boolean(expertProfile?.available) && connected.has(expert.id),
  }))
}
