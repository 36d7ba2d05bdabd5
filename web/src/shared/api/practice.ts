// Training and practice (实践锻炼): training classes with enrolment and results, skill competitions (岗位练兵比武) with
// ranked results, front-line assignments (一线历练, 挂职 …) moving planned → active → mid_term → completed (or
// terminated), and the yearly plan against what started and completed. The server checks every rule, permission
// (practice.read / practice.write) and data scope; a cadre reads their own through /me/practice/….
import { download, get, post, put, del, type Download, type Query } from './client'

export const ASSIGNMENT_TYPES = ['frontline', 'secondment', 'east_west', 'counterpart', 'mountain_sea', 'urgent'] as const
export type AssignmentType = (typeof ASSIGNMENT_TYPES)[number]
export const URGENT_KINDS = ['epidemic', 'emergency', 'flood', 'safety', 'other'] as const
export type UrgentKind = (typeof URGENT_KINDS)[number]
export const ASSIGNMENT_STATES = ['planned', 'active', 'mid_term', 'completed', 'terminated'] as const
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number]
export const GRADES = ['excellent', 'good', 'qualified', 'unqualified'] as const
export type Grade = (typeof GRADES)[number]
export const TRAINING_KINDS = ['party_spirit', 'theory', 'skill', 'young_cadre', 'other'] as const
export type TrainingKind = (typeof TRAINING_KINDS)[number]
export const TRAINING_RESULTS = ['excellent', 'qualified', 'unqualified'] as const
export type TrainingResult = (typeof TRAINING_RESULTS)[number]
export const COMPLETIONS = ['pending', 'completed', 'not_completed'] as const
export type Completion = (typeof COMPLETIONS)[number]
export const COMPETITION_LEVELS = ['unit', 'district', 'city', 'province'] as const
export type CompetitionLevel = (typeof COMPETITION_LEVELS)[number]
/** The steps of an assignment, as the URL segments name them. */
export type AssignmentStep = 'start' | 'mid-term' | 'complete' | 'terminate'

export interface Assignment {
  id: number
  person_id: number
  person_name: string
  unit_id: number
  unit_name: string
  assignment_type: AssignmentType
  urgent_kind: UrgentKind | null
  host_place: string
  task: string | null
  starts_on: string
  planned_end: string
  started_on: string | null
  actual_end: string | null
  supervisor_person_id: number | null
  supervisor_name: string | null
  /** Masked (139****1234). */
  supervisor_phone: string | null
  state: AssignmentState
  mid_term_grade: Grade | null
  mid_term_note: string | null
  mid_term_on: string | null
  final_grade: Grade | null
  outcome: string | null
  termination_reason: string | null
  /** What the completion earned: short (+2 by default), long (+5) or none. */
  completion_event: 'short' | 'long' | 'none' | null
  created_by: string
  created_at: string
  updated_at: string
}

export interface AssignmentCreate {
  person_id: number
  assignment_type: AssignmentType
  urgent_kind?: UrgentKind
  host_place: string
  task?: string
  starts_on: string
  planned_end: string
  supervisor_person_id?: number
  supervisor_name?: string
  supervisor_phone?: string
}

/** The body of each step: start {started_on?}; mid-term {evaluated_on, grade, note?}; complete {actual_end, grade,
 * outcome}; terminate {reason, actual_end once started}. */
export interface StepInput {
  started_on?: string
  evaluated_on?: string
  actual_end?: string
  grade?: Grade
  note?: string
  outcome?: string
  reason?: string
}

export interface AssignmentFilter {
  node_id?: number | null
  assignment_type?: AssignmentType | ''
  state?: AssignmentState | ''
  year?: number | null
  q?: string
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface PlanRow {
  node_id: number
  node_name: string
  node_type: string
  /** null: no plan set for the year. */
  planned: number | null
  started: number
  completed: number
}

export interface PlanReport {
  year: number
  node: PlanRow
  units: PlanRow[]
}

export interface Enrolment {
  person_id: number
  name: string
  unit_name: string
  attended_days: number
  completion: Completion
  result: TrainingResult | null
  score: number | null
}

export interface TrainingSummary {
  id: number
  node_id: number
  node_name: string
  title: string
  kind: TrainingKind
  starts_on: string
  ends_on: string
  hours: number
  capacity: number
  place: string | null
  status: 'open' | 'closed'
  created_by: string
  created_at: string
  closed_by: string | null
  closed_at: string | null
  enrolled: number
  completed: number
}

export interface Training extends TrainingSummary {
  enrolments: Enrolment[]
  /** 按日考勤: the marked days and who was present on each. */
  days?: { day: string; present: number[] }[]
}

export interface MyTraining extends TrainingSummary {
  mine: Enrolment | null
}

export interface TrainingInput {
  node_id?: number
  title: string
  kind: TrainingKind
  starts_on: string
  ends_on: string
  hours: number
  capacity: number
  place?: string
}

export interface ResultInput {
  person_id: number
  attended_days: number
  completion: Completion
  result?: TrainingResult
  score?: number
}

export interface CompetitionEntry {
  person_id: number
  name: string
  unit_name: string
  score: number
  /** null until the results are published. */
  rank: number | null
}

export interface CompetitionSummary {
  id: number
  node_id: number
  node_name: string
  title: string
  level: CompetitionLevel
  held_on: string
  status: 'draft' | 'published'
  created_by: string
  created_at: string
  published_by: string | null
  published_at: string | null
  participants: number
}

export interface MyCompetition extends CompetitionSummary {
  mine: { score: number; rank: number | null }
}

export interface Competition extends CompetitionSummary {
  entries: CompetitionEntry[]
}

export interface EventFilter {
  node_id?: number | null
  status?: string
  year?: number | null
}

/** A filter as query parameters: empty fields left out. */
export function practiceQuery(filter: AssignmentFilter | EventFilter, page?: number, pageSize?: number): Query {
  const q: Query = {}
  for (const [key, value] of Object.entries(filter)) if (value !== '' && value !== null && value !== undefined) q[key] = value as string | number
  if (page !== undefined) q.page = page
  if (pageSize !== undefined) q.page_size = pageSize
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

// Forms show refusals next to their fields and say themselves when a record moved on meanwhile (409): silent.
export const fetchAssignments = (filter: AssignmentFilter, page = 1, pageSize = 20) =>
  get<Page<Assignment>>('/practice/assignments', { query: practiceQuery(filter, page, pageSize) })
export const fetchAssignment = (assignmentId: number) => get<Assignment>(`/practice/assignments/${id(assignmentId)}`, { silent: true })
export const createAssignment = (input: AssignmentCreate, key?: string) =>
  post<Assignment>('/practice/assignments', input, { silent: true, headers: keyHeader(key) })
export const assignmentStep = (assignmentId: number, step: AssignmentStep, input: StepInput) =>
  post<Assignment>(`/practice/assignments/${id(assignmentId)}/${step}`, input, { silent: true })
export const exportAssignments = (filter: AssignmentFilter): Promise<Download> =>
  download('/practice/assignments/export', 'assignments.xlsx', { query: practiceQuery(filter) })
export const fetchPlanReport = (nodeId: number, year: number) =>
  get<PlanReport>('/practice/plan-report', { query: { node_id: nodeId, year } })
export const setPlan = (nodeId: number, year: number, planned: number) =>
  put<{ node_id: number; year: number; planned: number }>('/practice/plans', { node_id: nodeId, year, planned }, { silent: true })

export const fetchTrainings = (filter: EventFilter, page = 1, pageSize = 20) =>
  get<Page<TrainingSummary>>('/practice/trainings', { query: practiceQuery(filter, page, pageSize) })
export const fetchTraining = (trainingId: number) => get<Training>(`/practice/trainings/${id(trainingId)}`, { silent: true })
export const createTraining = (input: TrainingInput, key?: string) =>
  post<Training>('/practice/trainings', input, { silent: true, headers: keyHeader(key) })
export const updateTraining = (trainingId: number, input: Omit<TrainingInput, 'node_id'>) =>
  put<Training>(`/practice/trainings/${id(trainingId)}`, input, { silent: true })
export const enrol = (trainingId: number, personIds: number[]) =>
  post<Training>(`/practice/trainings/${id(trainingId)}/enrolments`, { person_ids: personIds }, { silent: true })
export const unenrol = (trainingId: number, personId: number) =>
  del<Training>(`/practice/trainings/${id(trainingId)}/enrolments/${id(personId)}`, { silent: true })
export const markDay = (trainingId: number, day: string, present: number[]) =>
  put<Training>(`/practice/trainings/${id(trainingId)}/attendance`, { day, present }, { silent: true })
export const setResults = (trainingId: number, results: ResultInput[]) =>
  put<Training>(`/practice/trainings/${id(trainingId)}/results`, { results }, { silent: true })
export const closeTraining = (trainingId: number) => post<Training>(`/practice/trainings/${id(trainingId)}/close`, undefined, { silent: true })

export const fetchCompetitions = (filter: EventFilter, page = 1, pageSize = 20) =>
  get<Page<CompetitionSummary>>('/practice/competitions', { query: practiceQuery(filter, page, pageSize) })
export const fetchCompetition = (competitionId: number) => get<Competition>(`/practice/competitions/${id(competitionId)}`, { silent: true })
export const createCompetition = (input: { node_id: number; title: string; level: CompetitionLevel; held_on: string }, key?: string) =>
  post<Competition>('/practice/competitions', input, { silent: true, headers: keyHeader(key) })
export const setEntries = (competitionId: number, entries: { person_id: number; score: number }[]) =>
  put<Competition>(`/practice/competitions/${id(competitionId)}/entries`, { entries }, { silent: true })
export const publishCompetition = (competitionId: number) =>
  post<Competition>(`/practice/competitions/${id(competitionId)}/publish`, undefined, { silent: true })

// ---- the cadre's own (403 no_person for an account without a person: the page says so itself)
export const fetchMyAssignments = () => get<{ items: Assignment[] }>('/me/practice/assignments', { silent: true })
export const fetchMyTrainings = () => get<{ items: MyTraining[] }>('/me/practice/trainings', { silent: true })
/** The published competitions I took part in, with my score and rank (not the others'). */
export const fetchMyCompetitions = () => get<{ items: MyCompetition[] }>('/me/practice/competitions', { silent: true })
