/** Any `/api/...` address no route serves: a JSON 404 for API clients, never the HTML error page. */
const notFound = ({ request }: { request: Request }) => Response.json({ error: `no API at ${new URL(request.url).pathname}` }, { status: 404 })

export const loader = notFound
export const action = notFound
