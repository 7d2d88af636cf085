import type { LoaderFunctionArgs } from '@remix-run/node'
import { translateFrom } from '~/i18n/messages'
import { getLocale } from '~/i18n/locale.server'
import { bulletinHeading } from '~/modules/bulletins/bulletin.server'
import { bulletinMessages } from '~/modules/bulletins/messages'
import { receiptsByStation, receiptsCsv } from '~/modules/bulletins/receipts.server'
import { requireUser } from '~/utils/auth.server'

/** `GET /bulletins/:id/receipts.csv`: the read receipts per station, for Excel. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const bulletin = await bulletinHeading({ user, bulletinId: params.bulletinId! })
  if (!bulletin) throw new Response('Not found', { status: 404 })
  const locale = await getLocale(request)
  const label = (key: keyof typeof bulletinMessages.zh) => translateFrom(bulletinMessages, locale, key)
  const headings = [label('region'), label('station'), 'name', label('addressed'), label('readCount'), label('ackCount'), label('ackRate')]
  return new Response(receiptsCsv(await receiptsByStation(bulletin.id), headings), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="bulletin-${bulletin.number}-receipts.csv"` },
  })
}
