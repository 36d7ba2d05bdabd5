// ECharts options of the dashboards, built from the server's figures: pure functions, so the charts of the console
// and of the big screen are the same and are tested without a browser.
import type { Dashboard, Figures, Level } from '../api/analytics'

export type Translate = (key: string, values?: Record<string, unknown>) => string

export interface Palette {
  text: string
  axis: string
  colors: string[]
}

export const LIGHT: Palette = { text: '#303133', axis: '#dcdfe6', colors: ['#c0392b', '#e67e22', '#f1c40f', '#27ae60', '#2980b9', '#8e44ad', '#16a085'] }
export const DARK: Palette = { text: '#e5eaf3', axis: '#3a4a6b', colors: ['#ff6b6b', '#ffb347', '#ffe066', '#5fd38d', '#4dabf7', '#b197fc', '#38d9a9'] }
export const LEVEL_COLOR: Record<Level, string> = { green: '#27ae60', yellow: '#e6a23c', red: '#d03050' }

/** A rate shown as text: "92.5%", or "—" when there is nothing to measure. */
export function rateText(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v}%`
}

function base(p: Palette) {
  return {
    color: p.colors,
    textStyle: { color: p.text },
    tooltip: { trigger: 'axis' as const },
    grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
    legend: { top: 0, textStyle: { color: p.text } },
  }
}

function category(p: Palette, data: string[], rotate = 0) {
  return { type: 'category' as const, data, axisLabel: { color: p.text, rotate, interval: 0 }, axisLine: { lineStyle: { color: p.axis } } }
}

function value(p: Palette) {
  return { type: 'value' as const, axisLabel: { color: p.text }, splitLine: { lineStyle: { color: p.axis } } }
}

export function ageOption(d: Dashboard, t: Translate, p: Palette) {
  return {
    ...base(p),
    xAxis: category(p, d.people.by_age_band.map((b) => b.band)),
    yAxis: value(p),
    series: [{ name: t('analytics.series.people'), type: 'bar', data: d.people.by_age_band.map((b) => b.n), label: { show: true, position: 'top', color: p.text } }],
  }
}

export function rankOption(d: Dashboard, t: Translate, p: Palette) {
  return {
    ...base(p),
    tooltip: { trigger: 'item' as const },
    legend: { type: 'scroll' as const, orient: 'vertical' as const, right: 0, top: 'middle', textStyle: { color: p.text } },
    series: [{
      name: t('analytics.chart.rank'), type: 'pie', radius: ['35%', '65%'], center: ['35%', '50%'],
      label: { color: p.text }, data: d.people.by_rank.map((r) => ({ name: r.name, value: r.n })),
    }],
  }
}

export function trendOption(d: Dashboard, t: Translate, p: Palette) {
  return {
    ...base(p),
    xAxis: category(p, d.study_trend.map((m) => m.month.slice(2))),
    yAxis: value(p),
    series: [
      { name: t('analytics.series.checkins'), type: 'bar', data: d.study_trend.map((m) => m.checkins) },
      { name: t('analytics.series.participants'), type: 'line', smooth: true, data: d.study_trend.map((m) => m.participants) },
    ],
  }
}

/** Per child: branches on schedule, due soon and overdue (stacked). */
export function cadenceOption(d: Dashboard, t: Translate, p: Palette) {
  const rows = chartRows(d)
  const series = (key: 'branches_green' | 'branches_yellow' | 'branches_red', level: Level) => ({
    name: t(`analytics.series.${level}`), type: 'bar', stack: 'cadence', itemStyle: { color: LEVEL_COLOR[level] },
    data: rows.map((r) => r.figures[key]),
  })
  return {
    ...base(p),
    xAxis: category(p, rows.map((r) => r.name), rows.length > 4 ? 30 : 0),
    yAxis: value(p),
    series: [series('branches_green', 'green'), series('branches_yellow', 'yellow'), series('branches_red', 'red')],
  }
}

export function developmentOption(d: Dashboard, t: Translate, p: Palette) {
  const stages = ['1', '2', '3', '4', '5']
  return {
    ...base(p),
    tooltip: { trigger: 'item' as const },
    series: [{
      name: t('analytics.chart.development'), type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 24, bottom: 8,
      label: { color: p.text, formatter: '{b}: {c}' },
      data: stages.map((s) => ({ name: t(`analytics.stage.${s}`), value: d.development_by_stage[s] ?? 0 })),
    }],
  }
}

/** A per-child bar of a rate (dues, participation …), 0–100. */
export function rateOption(d: Dashboard, field: keyof Figures, name: string, p: Palette) {
  const rows = chartRows(d)
  return {
    ...base(p),
    xAxis: category(p, rows.map((r) => r.name), rows.length > 4 ? 30 : 0),
    yAxis: { ...value(p), max: 100 },
    series: [{ name, type: 'bar', data: rows.map((r) => r.figures[field] ?? 0), label: { show: true, position: 'top', color: p.text, formatter: '{c}%' } }],
  }
}

export function pointsOption(d: Dashboard, t: Translate, p: Palette) {
  return {
    ...base(p),
    tooltip: { trigger: 'item' as const },
    series: [{
      name: t('analytics.chart.points'), type: 'pie', radius: '65%', label: { color: p.text },
      data: Object.entries(d.points_by_category).map(([name, v]) => ({ name: t(`analytics.category.${name}`), value: v })),
    }],
  }
}

export function unitsOption(units: Dashboard['points_top_units'], t: Translate, p: Palette) {
  return {
    ...base(p),
    legend: { show: false },  // one series, named by the chart's title; a legend would sit on the first bar
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: value(p),
    yAxis: { ...category(p, units.map((u) => u.name)), inverse: true },
    series: [{ name: t('analytics.series.points'), type: 'bar', data: units.map((u) => u.points_per_person), label: { show: true, position: 'right', color: p.text } }],
  }
}

/** Per child: bars side by side, one series a figure (`[series key, figure]`). */
function perChildBars(d: Dashboard, t: Translate, p: Palette, series: [string, keyof Figures][]) {
  const rows = chartRows(d)
  return {
    ...base(p),
    xAxis: category(p, rows.map((r) => r.name), rows.length > 4 ? 30 : 0),
    yAxis: value(p),
    series: series.map(([key, field]) => ({ name: t(`analytics.series.${key}`), type: 'bar', data: rows.map((r) => r.figures[field]) })),
  }
}

export function assignmentsOption(d: Dashboard, t: Translate, p: Palette) {
  return perChildBars(d, t, p, [['planned', 'assignments_planned'], ['completed', 'assignments_completed'], ['overdue', 'assignments_overdue']])
}

export const GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const

/** The annual assessment grades published in the period, as a ring. */
export function gradesOption(d: Dashboard, t: Translate, p: Palette) {
  return {
    ...base(p),
    tooltip: { trigger: 'item' as const },
    series: [{
      name: t('analytics.chart.grades'), type: 'pie', radius: ['40%', '68%'], label: { color: p.text, formatter: '{b}: {c}' },
      data: GRADES.map((g) => ({ name: t(`analytics.grade.${g}`), value: d.grades[g] ?? 0 })).filter((x) => x.value > 0),
    }],
  }
}

/** Per child: micro-projects published, claimed, done and past their deadline. */
export function projectsOption(d: Dashboard, t: Translate, p: Palette) {
  return perChildBars(d, t, p, [
    ['published', 'projects_published'], ['claimed', 'projects_claimed'], ['done', 'projects_done'], ['overdue', 'projects_overdue'],
  ])
}

/** Per child: fault-tolerance cases by how they stand, stacked. */
export function casesOption(d: Dashboard, t: Translate, p: Palette) {
  const rows = chartRows(d)
  const stack = (key: 'cases_tolerated' | 'cases_not_tolerated' | 'cases_declined' | 'cases_pending', name: string) => ({
    name: t(`analytics.series.${name}`), type: 'bar', stack: 'cases', data: rows.map((r) => r.figures[key]),
  })
  return {
    ...base(p),
    xAxis: category(p, rows.map((r) => r.name), rows.length > 4 ? 30 : 0),
    yAxis: { ...value(p), minInterval: 1 },
    series: [stack('cases_tolerated', 'tolerated'), stack('cases_not_tolerated', 'notTolerated'), stack('cases_declined', 'declined'), stack('cases_pending', 'pending')],
  }
}

/** The rows a per-child chart shows: the node itself at a leaf, else its largest children (a city has dozens). */
export const MAX_CHART_ROWS = 12
export function chartRows(d: Dashboard) {
  if (!d.children.length) return [{ ...d.node, figures: d.totals }]
  return [...d.children].sort((a, b) => b.figures.people - a.figures.people || a.id - b.id).slice(0, MAX_CHART_ROWS)
}

/** Red first, then yellow; greens are not listed. */
export function activeWarnings(d: Dashboard) {
  const order: Record<Level, number> = { red: 0, yellow: 1, green: 2 }
  return d.warnings.filter((w) => w.level !== 'green').sort((a, b) => order[a.level] - order[b.level] || a.node.name.localeCompare(b.node.name))
}
