import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer])

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0]

const FONT = "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
const PALETTE = ['#0b5cad', '#1a7f37', '#d4820f', '#7a4fb5']
// Without a canvas the renderer estimates text widths, so legend entries get room to spare.
const LEGEND = { top: 0, itemGap: 28 }

/** A grid whose axis labels stay inside the picture (what `containLabel` did before ECharts 6). */
export const gridWithLabelsInside = ({ top, right }: { top: number; right: number }) =>
  ({ top, left: 8, right, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' }) as const

/** A chart drawn on the server: no browser, no canvas, no animation; the SVG is the whole chart. */
export function renderSvgChart(option: ChartOption, { width, height }: { width: number; height: number }) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: FONT }, legend: LEGEND, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
