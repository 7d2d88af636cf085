import { useId } from 'react'

export type ChartData = { columns: string[]; rows: string[][] }

/**
 * A chart drawn on the server (an SVG string from `renderSvgChart`), announced to screen
 * readers as one image with its title, followed by the same figures as a visually hidden table.
 */
export function ChartFigure({ title, note, svg, data }: { title: string; note?: string; svg: string; data: ChartData }) {
  const captionId = useId()
  return (
    <figure className="chart-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-figure__caption">
        {title}
        {note ? <span className="muted small"> {note}</span> : null}
      </figcaption>
      {/* Our own ECharts output: the renderer escapes every label, and no user markup reaches it. */}
      <div className="chart-figure__image" role="img" aria-label={title} dangerouslySetInnerHTML={{ __html: svg }} />
      {/* A table ignores `width`: the box around it is what stays 1 px wide (else it widens a phone page). */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {data.columns.map((column) => (
                <th key={column} scope="col">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map(([label, ...values], row) => (
              <tr key={row}>
                <th scope="row">{label}</th>
                {values.map((value, index) => (
                  <td key={index}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
