import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHead } from '~/components/page-head'
import { PagePagination } from '~/components/pagination'
import { useMessages } from '~/i18n/use-t'
import { GrantBadge } from '~/modules/exams/components/level-badge'
import { useExamFormat } from '~/modules/exams/components/use-exam-format'
import { canSeeCoverage, stationCoverage, stationMembersCoverage } from '~/modules/exams/coverage.server'
import { CERTIFICATION_LEVELS, KEY_POSITIONS } from '~/modules/exams/levels'
import { examMessages } from '~/modules/exams/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { listRegions } from '~/utils/station.server'

const filterSchema = z.object({
  region: z.string().trim().max(100).optional().catch(undefined),
  gaps: z.literal('1').optional().catch(undefined),
  station: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  invariantResponse(canSeeCoverage(user), 'Forbidden', 403)
  const filter = filterSchema.parse(Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== '')))
  const regions = await listRegions()
  // A region that is not in the list (a stale link) means every region, as the select then shows.
  const region = filter.region && regions.includes(filter.region) ? filter.region : undefined
  const report = await stationCoverage({ user, region, gapsOnly: filter.gaps === '1', page: filter.page })
  invariantResponse(report, 'Forbidden', 403)
  // A station manager's report is their station, members included.
  const stationCode = filter.station ?? (report.own ? report.stations[0]?.code : undefined)
  const members = stationCode ? await stationMembersCoverage({ user, stationCode }) : null
  if (filter.station) invariantResponse(members, 'Station not found')
  return { report, regions, members, filter: { region: region ?? '', gaps: filter.gaps === '1' } }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 认证覆盖 / Certification coverage' }]

export default function CoveragePage() {
  const { report, regions, members, filter } = useLoaderData<typeof loader>()
  const t = useMessages(examMessages)
  const format = useExamFormat()
  const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`)
  const stationHref = (code: string) => `?${new URLSearchParams({ ...(filter.region ? { region: filter.region } : {}), ...(filter.gaps ? { gaps: '1' } : {}), station: code })}#members`

  return (
    <section>
      <p><Link to="/exams">← {t('exam.back')}</Link></p>
      <PageHead title={t('coverage.title')} intro={t('coverage.intro', { days: 90 })} />

      {report.own ? null : (
        <>
          <Form method="get" className="card filter-row">
            <div className="field">
              <label htmlFor="coverage-region">{t('coverage.region')}</label>
              <select id="coverage-region" name="region" defaultValue={filter.region}>
                <option value="">{t('coverage.allRegions')}</option>
                {regions.map((region) => <option key={region} value={region}>{region}</option>)}
              </select>
            </div>
            <label className="check-field">
              <input type="checkbox" name="gaps" value="1" defaultChecked={filter.gaps} /> {t('coverage.gapsOnly')}
            </label>
            <button type="submit" className="button">{t('coverage.apply')}</button>
          </Form>

          <section className="card" aria-labelledby="coverage-regions">
            <h2 id="coverage-regions">{t('coverage.byRegion')}</h2>
            <div className="table-wrap">
              <table className="table" data-testid="coverage-regions">
                <thead>
                  <tr>
                    <th scope="col">{t('coverage.region')}</th>
                    <th scope="col">{t('coverage.stations')}</th>
                    <th scope="col">{t('coverage.fullyCovered')}</th>
                    <th scope="col">{t('coverage.technicians')}</th>
                    <th scope="col">{t('coverage.certifiedShare')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.regions.map((row) => (
                    <tr key={row.region}>
                      <th scope="row">{row.region}</th>
                      <td>{row.stations}</td>
                      <td>{row.fullyCovered} ({percent(row.fullyCovered, row.stations)})</td>
                      <td>{row.technicians}</td>
                      <td>{percent(row.technicians - row.uncertified, row.technicians)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}

      <section className="card" aria-labelledby="coverage-stations">
        <h2 id="coverage-stations">{report.own ? t('coverage.myStation') : t('coverage.byStation', { count: report.total })}</h2>
        {report.stations.length === 0 ? (
          <p className="muted">{t('coverage.noStations')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table coverage-table" data-testid="coverage-stations">
              <thead>
                <tr>
                  <th scope="col">{t('coverage.station')}</th>
                  <th scope="col">{t('coverage.technicians')}</th>
                  {CERTIFICATION_LEVELS.map((level) => <th key={level} scope="col">{t(`level.${level}`)}</th>)}
                  <th scope="col">{t('coverage.uncertified')}</th>
                  <th scope="col">{t('coverage.positions')}</th>
                  <th scope="col">{t('coverage.gaps')}</th>
                </tr>
              </thead>
              <tbody>
                {report.stations.map((station) => (
                  <tr key={station.id} data-station={station.code}>
                    <th scope="row">
                      <Link to={stationHref(station.code)}>{station.code} {station.name}</Link>
                      <span className="muted small"> · {station.region}</span>
                    </th>
                    <td>{station.technicians}</td>
                    {CERTIFICATION_LEVELS.map((level) => <td key={level}>{station.levels[level]}</td>)}
                    <td className={station.uncertified > 0 ? 'coverage-gap' : undefined}>{station.uncertified}</td>
                    <td>{station.covered.length} / {KEY_POSITIONS.length}</td>
                    <td>
                      {station.missing.length === 0 && station.uncertified === 0 ? (
                        <span className="badge badge--passed">{t('coverage.none')}</span>
                      ) : (
                        <ul className="inline-list" aria-label={t('coverage.missingPositions')}>
                          {station.missing.map((position) => <li key={position}><span className="badge badge--gap">{t(`position.${position}`)}</span></li>)}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PagePagination page={report.page} pages={report.pages} />
      </section>

      {members ? (
        <section className="card" id="members" aria-labelledby="coverage-members">
          <h2 id="coverage-members">{t('coverage.members', { station: `${members.code} ${members.name}` })}</h2>
          {members.members.length === 0 ? (
            <p className="muted">{t('coverage.noMembers')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="coverage-members">
                <thead>
                  <tr>
                    <th scope="col">{t('coverage.member')}</th>
                    <th scope="col">{t('coverage.level')}</th>
                    <th scope="col">{t('coverage.positions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.members.map((member) => (
                    <tr key={member.id}>
                      <th scope="row">{member.name} <span className="muted small">· {t(`coverage.role.${member.role as 'TECHNICIAN' | 'STATION_MANAGER'}`)}</span></th>
                      <td>
                        {member.level ? (
                          <>
                            <GrantBadge level={member.level.level} position={null} />{' '}
                            <span className={member.level.expiringSoon ? 'small coverage-gap' : 'small muted'}>{t('cert.validUntil', { date: format.date(member.level.expiresAt) })}</span>
                          </>
                        ) : member.role === 'TECHNICIAN' ? (
                          <span className="coverage-gap">{t('coverage.noLevel')}</span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td>
                        {member.positions.length === 0 ? <span className="muted">—</span> : (
                          <ul className="inline-list">
                            {member.positions.map((held) => (
                              <li key={held.position}>
                                <GrantBadge level={null} position={held.position} />{' '}
                                <span className={held.expiringSoon ? 'small coverage-gap' : 'small muted'}>{t('cert.validUntil', { date: format.date(held.expiresAt) })}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
