/** `GET /ping`: liveness without touching the database or search (and the benchmarks' framework floor). */
export function loader() {
  return new Response('pong', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
}
