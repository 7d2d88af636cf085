import { useId } from 'react'

/**
 * A chart drawn on the server (SVG from `reports.server.ts`), one image with its title for
 * screen readers; the figures themselves are in the table that follows it on the page.
 */
export function ReportChart({ title, svg }: { title: string; svg: string }) {
  const captionId = useId()
  return (
    <figure className="report-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="report-chart__caption">{title}</figcaption>
      {/* Our own ECharts output: the renderer escapes every label, and no user markup reaches it. */}
      <div className="report-chart__image" role="img" aria-label={title} dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  )
}

/** A report's table: scrolls sideways on a phone (focusable, so the keyboard scrolls it), captioned for screen readers. */
export function ReportTable({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="kpi-table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="table data-table" data-testid={testId}>
        <caption className="visually-hidden">{label}</caption>
        {children}
      </table>
    </div>
  )
}
