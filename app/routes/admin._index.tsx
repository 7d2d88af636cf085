import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/utils/auth.server'
import { requireRole } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(await requireUser(request), ['ADMIN'])
  throw redirect('/admin/stations')
}
