/** Calls a Remix loader or action the way the server does, with the Responses it throws returned. */
export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })

export async function callRoute(run: () => Promise<unknown>) {
  try {
    return (await run()) as Response
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/** A JSON request with optional Bearer token. */
export function jsonRequest(url: string, { token, body, method = body === undefined ? 'GET' : 'POST' }: { token?: string; body?: unknown; method?: string } = {}) {
  return new Request(`http://test${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
