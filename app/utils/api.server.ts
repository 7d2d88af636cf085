/** The JSON body of an API call, or a 400 that says why it is not one. */
export async function readJsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  if (!request.headers.get('Content-Type')?.includes('application/json')) {
    return { ok: false, response: Response.json({ errors: { _body: 'Content-Type must be application/json' } }, { status: 415 }) }
  }
  try {
    return { ok: true, body: await request.json() }
  } catch {
    return { ok: false, response: Response.json({ errors: { _body: 'the body is not valid JSON' } }, { status: 400 }) }
  }
}

export const methodNotAllowed = () => Response.json({ error: 'method not allowed' }, { status: 405 })

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])

/** Search highlights for API clients: escaped text, matches in <mark>. */
export const highlightHtml = (parts: Array<{ text: string; hit: boolean }>) =>
  parts.map((part) => (part.hit ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text))).join('')
