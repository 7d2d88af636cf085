import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { deleteSession } from '~/utils/user.server'
import { getSessionStorage, readSessionId } from '~/utils/session.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const storage = getSessionStorage()
  const cookie = request.headers.get('Cookie')
  const sessionId = await readSessionId(cookie)
  if (sessionId) await deleteSession(sessionId)
  return redirect('/login', { headers: { 'Set-Cookie': await storage.destroySession(await storage.getSession(cookie)) } })
}
