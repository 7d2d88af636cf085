import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { bulletinHeading } from '~/modules/bulletins/bulletin.server'
import { bulletinMessages } from '~/modules/bulletins/messages'
import { bulletinReceipts } from '~/modules/bulletins/receipts.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const bulletin = await bulletinHeading({ user, bulletinId: params.bulletinId! })
  invariantResponse(bulletin, 'Bulletin not found')
  return { bulletin, receipts: await bulletinReceipts(bulletin.id) }
}

export const meta: MetaFunction = () => [{ title: '阅读回执 / Read receipts · GTAC' }]

const share = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '–')

/** Per region and per station: addressed, read, acknowledged. */
export default function ReceiptsPage() {
  const { bulletin, receipts } = useLoaderData<typeof loader>()
  const t = useMessages(bulletinMessages)
  const figures = (row: { addressed: number; read: number; acknowledged: number }) => (
    <>
      <td className="number">{row.addressed}</td>
      <td className="number">{row.read}</td>
      <td className="number">{row.acknowledged}</td>
      <td className="number">{share(row.acknowledged, row.addressed)}</td>
    </>
  )
  const headings = (first: string[]) => (
    <thead>
      <tr>
        {first.map((label) => <th key={label} scope="col">{label}</th>)}
        <th scope="col" className="number">{t('addressed')}</th>
        <th scope="col" className="number">{t('readCount')}</th>
        <th scope="col" className="number">{t('ackCount')}</th>
        <th scope="col" className="number">{t('ackRate')}</th>
      </tr>
    </thead>
  )
  return (
    <section className="receipts">
      <p><Link to={`/bulletins/${bulletin.id}`}>← {bulletin.title}</Link></p>
      <div className="page-title-row">
        <h1>{t('receiptsTitle', { number: bulletin.number })}</h1>
        <a className="button button--ghost" href={`/bulletins/${bulletin.id}/receipts.csv`} download>{t('csv')}</a>
      </div>
      <p className="receipts__totals" data-testid="receipt-totals" data-acknowledged={receipts.totals.acknowledged} data-addressed={receipts.totals.addressed}>
        {t('total')}: {t('addressed')} {receipts.totals.addressed} · {t('readCount')} {receipts.totals.read} · {t('ackCount')} {receipts.totals.acknowledged} ({share(receipts.totals.acknowledged, receipts.totals.addressed)})
      </p>
      <div className="kpi-table-wrap">
        <table className="table data-table">
          <caption>{t('region')}</caption>
          {headings([t('region')])}
          <tbody>
            {receipts.regions.map((row) => <tr key={row.region ?? '-'}><th scope="row">{row.region ?? t('factory')}</th>{figures(row)}</tr>)}
          </tbody>
        </table>
      </div>
      <div className="kpi-table-wrap">
        <table className="table data-table">
          <caption>{t('station')}</caption>
          {headings([t('region'), t('station')])}
          <tbody>
            {receipts.stations.map((row) => (
              <tr key={row.code ?? '-'} data-station={row.code ?? ''}>
                <td>{row.region ?? ''}</td>
                <th scope="row">{row.code ? `${row.code} ${row.name}` : t('factory')}</th>
                {figures(row)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
