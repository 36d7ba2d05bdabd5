// 数据看板: a node's figures from the server's daily rollups (people, study, 三会一课, development, dues, points,
// front-line assignments, annual grades, micro-projects, fault-tolerance cases), its children for the drill-down, red/yellow/green warnings with their rule and link, the
// thresholds (set by the organisation department) and each chart's data as .xlsx. The server applies the caller's
// data scope (analytics.read) to every figure.
import { download, get, put, type Download } from './client'

export interface DashboardFilter {
  node_id?: number | null
  from?: string
  to?: string
  young?: boolean
}

export interface NodeRef {
  id: number
  name: string
  node_type: string
}

export interface Figures {
  people: number
  young: number
  checkins: number
  participants: number
  participation_rate: number | null
  points: number
  points_per_person: number | null
  dues_members: number
  dues_paid: number
  dues_rate: number | null
  development_active: number
  development_overdue: number
  branches: number
  branches_green: number
  branches_yellow: number
  branches_red: number
  cadence_rate: number | null
  units: number
  units_with_group: number
  group_coverage: number | null
  assignments_planned: number
  assignments_completed: number
  assignments_overdue: number
  graded: number
  excellent_rate: number | null
  projects_published: number
  projects_claimed: number
  projects_done: number
  projects_overdue: number
  project_satisfaction: number | null
  cases_submitted: number
  cases_tolerated: number
  cases_not_tolerated: number
  cases_declined: number
  cases_pending: number
  cases_review_overdue: number
}

export interface ChildRow extends NodeRef {
  self?: boolean
  figures: Figures
}

export type Level = 'green' | 'yellow' | 'red'

export interface Warning {
  node: NodeRef
  rule: string
  rule_name: string
  rule_name_en: string
  level: Level
  value: number
  yellow: number
  red: number
  below: boolean
  link: string
}

export interface UnitPoints {
  id: number
  name: string
  points_per_person: number
  people: number
}

export interface Dashboard {
  node: NodeRef
  breadcrumb: NodeRef[]
  period: { from: string; to: string }
  young_only: boolean
  as_of: string
  dues_month: string
  totals: Figures
  children: ChildRow[]
  people: {
    by_age_band: { band: string; n: number }[]
    by_rank: { rank: string; name: string; n: number }[]
    by_party_status: Record<string, number>
  }
  study_trend: { month: string; checkins: number; participants: number }[]
  meetings_by_type: Record<string, number>
  development_by_stage: Record<string, number>
  points_by_category: Record<string, number>
  /** Annual assessment grades published in the period. */
  grades: Record<string, number>
  points_top_units: UnitPoints[]
  points_bottom_units: UnitPoints[]
  /** What the ranking ranks: the units below, or the node's children when every child is read as a whole. */
  points_ranked?: 'units' | 'children'

  warnings: Warning[]
}

export interface Threshold {
  rule: string
  name: string
  name_en: string
  below: boolean
  max: number
  yellow: number
  red: number
  updated_by: string | null
  updated_at: string
}

export const CHARTS = [
  'people', 'children', 'study', 'meetings', 'development', 'dues', 'points', 'assignments', 'evaluation', 'projects', 'cases', 'warnings',
] as const
export type Chart = (typeof CHARTS)[number]

/** The query of a filter: empty values left out, young only when asked. */
export function dashboardQuery(f: DashboardFilter): Record<string, string | number> {
  const q: Record<string, string | number> = {}
  if (f.node_id) q.node_id = f.node_id
  if (f.from) q.from = f.from
  if (f.to) q.to = f.to
  if (f.young) q.young = 'true'
  return q
}

export const fetchDashboard = (f: DashboardFilter, silent = false) =>
  get<Dashboard>('/analytics/dashboard', { query: dashboardQuery(f), silent })
export const fetchThresholds = () => get<{ items: Threshold[] }>('/analytics/thresholds')
export const saveThreshold = (rule: string, yellow: number, red: number) =>
  put<Threshold>(`/analytics/thresholds/${encodeURIComponent(rule)}`, { yellow, red }, { silent: true })
export const exportChart = (chart: Chart, f: DashboardFilter): Promise<Download> =>
  download('/analytics/export', `analytics-${chart}.xlsx`, { query: { ...dashboardQuery(f), chart } })
