// The pieces of ECharts the console draws with (bar, line, pie and funnel charts, with grid, tooltip and legend), in one
// chunk of their own that a page imports only when it first draws: never part of the console's first load, never on
// the phone. The dashboards and the survey results share it, so the browser loads ECharts once.
import { init, use } from 'echarts/core'
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init }
