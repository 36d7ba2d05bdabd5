import { describe, expect, it } from 'vitest'
import { dashboardQuery, type Dashboard, type Figures } from '../api/analytics'
import {
  LIGHT, MAX_CHART_ROWS, activeWarnings, cadenceOption, casesOption, chartRows, gradesOption, projectsOption, rateOption, rateText, trendOption,
} from './charts'

const t = (key: string) => key
const figures = (over: Partial<Figures> = {}): Figures => ({
  people: 10, young: 4, checkins: 0, participants: 0, participation_rate: null, points: 0, points_per_person: null, dues_members: 0,
  dues_paid: 0, dues_rate: null, development_active: 0, development_overdue: 0, branches: 2, branches_green: 1, branches_yellow: 0,
  branches_red: 1, cadence_rate: 50, units: 1, units_with_group: 0, group_coverage: 0, assignments_planned: 0, assignments_completed: 0,
  assignments_overdue: 0, graded: 0, excellent_rate: null, projects_published: 0, projects_claimed: 0, projects_done: 0, projects_overdue: 0,
  project_satisfaction: null, cases_submitted: 0, cases_tolerated: 0, cases_not_tolerated: 0, cases_declined: 0, cases_pending: 0,
  cases_review_overdue: 0, ...over,
})
const warning = (name: string, level: 'green' | 'yellow' | 'red') => ({
  node: { id: name.length, name, node_type: 'unit' }, rule: 'dues_rate', rule_name: '', rule_name_en: '', level, value: 1, yellow: 90, red: 70, below: true, link: '/',
})
const dashboard = (over: Partial<Dashboard> = {}): Dashboard => ({
  node: { id: 1, name: '市', node_type: 'city' }, breadcrumb: [], period: { from: '2026-01-01', to: '2026-11-29' }, young_only: false,
  as_of: '2026-11-29', dues_month: '2026-11', totals: figures(),
  children: [{ id: 2, name: '甲', node_type: 'unit', figures: figures({ dues_rate: 80 }) }, { id: 3, name: '乙', node_type: 'unit', figures: figures({ branches_green: 2, branches_red: 0 }) }],
  people: { by_age_band: [], by_rank: [], by_party_status: {} },
  study_trend: [{ month: '2026-10', checkins: 5, participants: 3 }, { month: '2026-11', checkins: 7, participants: 4 }],
  meetings_by_type: {}, development_by_stage: {}, points_by_category: {}, grades: {}, points_top_units: [], points_bottom_units: [], warnings: [],
  ...over,
})

describe('dashboard charts', () => {
  it('sends only the filters that are set', () => {
    expect(dashboardQuery({ node_id: 5, young: true })).toEqual({ node_id: 5, young: 'true' })
    expect(dashboardQuery({ node_id: null, from: '', young: false })).toEqual({})
  })

  it('shows a rate with its unit, and a dash when nothing is measured', () => {
    expect(rateText(92.5)).toBe('92.5%')
    expect(rateText(0)).toBe('0%')
    expect(rateText(null)).toBe('—')
  })

  it('stacks each child\'s branches by light', () => {
    const o = cadenceOption(dashboard(), t, LIGHT)
    expect(o.xAxis.data).toEqual(['甲', '乙'])
    expect(o.series.map((s) => s.data)).toEqual([[1, 2], [0, 0], [1, 0]])
  })

  it('charts the largest children only when there are many', () => {
    const children = Array.from({ length: 30 }, (_, i) => ({ id: i + 10, name: `单位${i}`, node_type: 'unit', figures: figures({ people: i }) }))
    const rows = chartRows(dashboard({ children }))
    expect(rows).toHaveLength(MAX_CHART_ROWS)
    expect(rows[0].name).toBe('单位29')
  })

  it('falls back to the node itself at a leaf', () => {
    const o = rateOption(dashboard({ children: [], totals: figures({ dues_rate: 75 }) }), 'dues_rate', 'x', LIGHT)
    expect(o.xAxis.data).toEqual(['市'])
    expect(o.series[0].data).toEqual([75])
  })

  it('plots check-ins and participants by month', () => {
    const o = trendOption(dashboard(), t, LIGHT)
    expect(o.xAxis.data).toEqual(['26-10', '26-11'])
    expect(o.series[1].data).toEqual([3, 4])
  })

  it('lists red warnings before yellow ones and leaves the green out', () => {
    const d = dashboard({ warnings: [warning('乙', 'yellow'), warning('甲甲', 'green'), warning('丙丙丙', 'red')] })
    expect(activeWarnings(d).map((w) => w.level)).toEqual(['red', 'yellow'])
  })

  it('shows the grades given, in their order, leaving out those nobody got', () => {
    const o = gradesOption(dashboard({ grades: { competent: 5, excellent: 1, basically_competent: 0 } }), t, LIGHT)
    expect(o.series[0].data).toEqual([
      { name: 'analytics.grade.excellent', value: 1 },
      { name: 'analytics.grade.competent', value: 5 },
    ])
  })

  it('puts each child\'s micro-projects side by side and stacks its cases by how they stand', () => {
    const d = dashboard({
      children: [
        { id: 2, name: '甲', node_type: 'unit', figures: figures({ people: 20, projects_published: 3, projects_claimed: 2, projects_done: 1, projects_overdue: 1, cases_tolerated: 1, cases_pending: 2 }) },
        { id: 3, name: '乙', node_type: 'unit', figures: figures({ people: 10, projects_published: 1, cases_declined: 1 }) },
      ],
    })
    expect(projectsOption(d, t, LIGHT).series.map((s) => s.data)).toEqual([[3, 1], [2, 0], [1, 0], [1, 0]])
    const cases = casesOption(d, t, LIGHT)
    expect(cases.series.map((s) => s.stack)).toEqual(['cases', 'cases', 'cases', 'cases'])
    expect(cases.series.map((s) => s.data)).toEqual([[1, 0], [0, 0], [0, 1], [2, 0]])
  })
})
