// The pieces of ECharts a survey's bar chart needs, in a chunk of their own that SurveyChart.vue imports only when it
// draws (never part of a first load, never on the phone).
import { init, use } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

export { init }
