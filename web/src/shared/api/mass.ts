// Mass work (联系群众): contact points and paired households, visits (logged on the phone, possibly offline), micro-
// projects and youth service teams, lectures to residents. The server checks every permission (mass.read /
// mass.write) and data scope; a cadre works on their own through /me/mass/….
import { API_BASE, download, get, post, put, type Download, type Query } from './client'

export interface Paged<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface ContactPoint {
  id: number
  org_node_id: number
  org_node_name: string
  name: string
  area: string
  note: string
  status: 'active' | 'closed'
  households: number
}

export interface Household {
  id: number
  contact_point_id: number
  contact_point_name: string
  org_node_name: string
  head_name: string
  area: string
  phone: string | null
  needs: string
  status: 'active' | 'closed'
  cadres: { person_id: number; name: string }[]
  visits: number
  last_visit: string | null
}

export interface HouseholdInput {
  contact_point_id?: number
  head_name: string
  area: string
  phone?: string
  needs?: string
  status?: 'active' | 'closed'
  cadre_ids: number[]
}

export interface Visit {
  id: number
  person_id: number
  person_name: string
  unit_name: string
  household_id: number | null
  household_name: string
  place: string
  visit_date: string
  learned: string
  done: string
  photos: number[]
  client_key: string
  created_at: string
}

/** A visit as the phone sends it; client_key makes a repeated send the same visit. */
export interface VisitInput {
  client_key: string
  household_id?: number
  place?: string
  visit_date: string
  learned: string
  done?: string
  photos?: number[]
}

export const PROJECT_CATEGORIES = ['wish', 'elderly', 'children', 'environment', 'employment', 'other'] as const
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number]
export const PROJECT_STATES = ['published', 'claimed', 'done', 'rated', 'closed'] as const
export type ProjectState = (typeof PROJECT_STATES)[number]

export interface ProjectUpdate {
  kind: 'claimed' | 'progress' | 'done' | 'rated' | 'closed'
  note: string
  person_name: string
  at: string
  photos: number[]
}

export interface Project {
  id: number
  org_node_id: number
  org_node_name: string
  title: string
  category: ProjectCategory
  need: string
  budget_cap: number
  deadline: string
  status: ProjectState
  claimer_person_id: number | null
  claimer_name: string | null
  claimer_team_id: number | null
  team_name: string | null
  claimed_at: string | null
  done_note: string | null
  done_at: string | null
  done_photos: number[]
  satisfaction: number | null
  rating_note: string | null
  overdue: boolean
  updates: ProjectUpdate[]
}

export interface ProjectInput {
  org_node_id: number
  title: string
  category: ProjectCategory
  need: string
  budget_cap: number
  deadline: string
}

export interface Team {
  id: number
  org_node_id: number
  org_node_name: string
  name: string
  leader_person_id: number | null
  leader_name: string | null
  members: { person_id: number; name: string; hours: number }[]
  projects: number
}

export interface Lecture {
  id: number
  person_name: string
  unit_name: string
  lecture_date: string
  place: string
  topic: string
  audience: number
  photos: number[]
}

/** Filters as query parameters: empty fields left out. */
export function massQuery(filter: Record<string, unknown>, page?: number, pageSize?: number): Query {
  const q: Query = {}
  for (const [key, value] of Object.entries(filter)) if (value !== '' && value !== null && value !== undefined && value !== false) q[key] = value as string | number
  if (page !== undefined) q.page = page
  if (pageSize !== undefined) q.page_size = pageSize
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
type Filter = Record<string, unknown>

export const fetchPoints = (filter: Filter, page = 1, pageSize = 50) =>
  get<Paged<ContactPoint>>('/mass/contact-points', { query: massQuery(filter, page, pageSize) })
export const createPoint = (body: { org_node_id: number; name: string; area: string; note?: string }) =>
  post<ContactPoint>('/mass/contact-points', body, { silent: true })
export const fetchHouseholds = (filter: Filter, page = 1, pageSize = 20) =>
  get<Paged<Household>>('/mass/households', { query: massQuery(filter, page, pageSize) })
export const exportHouseholds = (filter: Filter): Promise<Download> =>
  download('/mass/households/export', 'households.xlsx', { query: massQuery(filter) })
export const createHousehold = (body: HouseholdInput) => post<Household>('/mass/households', body, { silent: true })
export const updateHousehold = (householdId: number, body: HouseholdInput) =>
  put<Household>(`/mass/households/${id(householdId)}`, body, { silent: true })
export const fetchVisits = (filter: Filter, page = 1, pageSize = 20) =>
  get<Paged<Visit>>('/mass/visits', { query: massQuery(filter, page, pageSize) })
export const exportVisits = (filter: Filter): Promise<Download> => download('/mass/visits/export', 'visits.xlsx', { query: massQuery(filter) })
export const fetchLectures = (page = 1, pageSize = 20) => get<Paged<Lecture>>('/mass/lectures', { query: { page, page_size: pageSize } })
export const fetchProjects = (filter: Filter, page = 1, pageSize = 20) =>
  get<Paged<Project>>('/mass/projects', { query: massQuery(filter, page, pageSize) })
export const exportProjects = (filter: Filter): Promise<Download> =>
  download('/mass/projects/export', 'projects.xlsx', { query: massQuery(filter) })
export const publishProject = (body: ProjectInput) => post<Project>('/mass/projects', body, { silent: true })
export const fetchProject = (projectId: number) => get<Project>(`/mass/projects/${id(projectId)}`)
export const rateProject = (projectId: number, satisfaction: number, note: string) =>
  post<Project>(`/mass/projects/${id(projectId)}/rate`, { satisfaction, note }, { silent: true })
export const closeProject = (projectId: number) => post<Project>(`/mass/projects/${id(projectId)}/close`, {}, { silent: true })
export const fetchTeams = () => get<{ items: Team[] }>('/mass/teams')
export const createTeam = (body: { org_node_id: number; name: string; leader_person_id?: number; member_ids: number[] }) =>
  post<Team>('/mass/teams', body, { silent: true })
export const updateTeam = (teamId: number, body: { name: string; leader_person_id?: number; member_ids: number[] }) =>
  put<Team>(`/mass/teams/${id(teamId)}`, body, { silent: true })
export const addHours = (teamId: number, body: { person_id: number; hours: number; service_date: string; note?: string }) =>
  post<Team>(`/mass/teams/${id(teamId)}/hours`, body, { silent: true })

export const fetchMyHouseholds = () => get<{ items: Household[] }>('/me/mass/households')
export const fetchMyVisits = () => get<{ items: Visit[] }>('/me/mass/visits')
/** Sent by the offline queue: silent, it shows the state itself. */
export const sendVisit = (body: VisitInput) => post<Visit>('/me/mass/visits', body, { silent: true, timeoutMs: 30_000 })
export const sendLecture = (body: { client_key: string; lecture_date: string; place: string; topic: string; audience: number; photos?: number[] }) =>
  post<Lecture>('/me/mass/lectures', body, { silent: true })
export const fetchMyLectures = () => get<{ items: Lecture[] }>('/me/mass/lectures')
export const fetchBoard = () => get<{ items: Project[] }>('/me/mass/projects')
export const fetchMyClaims = () => get<{ items: Project[] }>('/me/mass/claims')
export const fetchMyTeams = () => get<{ items: Team[] }>('/me/mass/teams')
export const claimProject = (projectId: number, teamId?: number) =>
  post<Project>(`/me/mass/projects/${id(projectId)}/claim`, teamId ? { team_id: teamId } : {}, { silent: true })
export const reportProgress = (projectId: number, note: string, photos: number[]) =>
  post<Project>(`/me/mass/projects/${id(projectId)}/progress`, { note, photos }, { silent: true })
export const markDone = (projectId: number, note: string, photos: number[]) =>
  post<Project>(`/me/mass/projects/${id(projectId)}/done`, { note, photos }, { silent: true })

/** Where an <img> reads a photo of a visit. */
export const visitPhotoUrl = (visitId: number, fileId: number, mine = false) =>
  `${API_BASE}${mine ? '/me' : ''}/mass/visits/${id(visitId)}/photos/${id(fileId)}`
