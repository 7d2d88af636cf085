import type { Role } from '~/generated/prisma/enums'

/** Who is signed in: what every loader, action, API route and socket event checks. */
export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  stationId: string | null
  stationName: string | null
}
