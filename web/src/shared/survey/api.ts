// Surveys (问卷): the organiser's calls (evaluation.read / evaluation.manage, data scope checked by the server) and the
// respondent's (/me/surveys, 403 no_person for an account without a person). The server checks every rule again:
// branching only forward, required answers, options of the question, scale ranges, text lengths, one response each.
import { download, get, post, put, type Download, type Query } from '../api/client'

export type QuestionKind = 'single' | 'multiple' | 'scale' | 'text'
export type SurveyStatus = 'draft' | 'open' | 'closed'
export type SurveyTarget = 'everyone' | 'young_cadres' | 'members'

export interface SurveyOption {
  id: string
  label: string
  /** '' or null: the next question; a later question's id; 'end'. Single choice only. */
  skip_to: string | null
}

export interface Question {
  id: string
  kind: QuestionKind
  title: string
  required: boolean
  options?: SurveyOption[]
  scale_min?: number
  scale_max?: number
  min_label?: string
  max_label?: string
  max_length?: number
}

export interface Survey {
  id: number
  org_node_id: number
  org_node_name: string
  title: string
  description: string
  anonymous: boolean
  by_link: boolean
  target: SurveyTarget
  status: SurveyStatus
  version: number
  question_count: number
  created_by: string
  created_at: string
  updated_at: string
  opened_at: string | null
  closed_at: string | null
  responses: number
  questions?: Question[]
}

export interface SurveyInput {
  org_node_id: number
  title: string
  description: string
  anonymous: boolean
  by_link: boolean
  target: SurveyTarget
  questions: Question[]
  version?: number
}

export interface CrossRow {
  group: string
  label: string
  suppressed: boolean
  respondents: number | null
  /** Per option (or scale value); null: fewer than min_cell respondents, not shown. */
  counts: (number | null)[]
}

export interface QuestionResult {
  id: string
  kind: QuestionKind
  title: string
  answered: number
  options: { id: string; label: string; count: number; percent: string }[]
  mean: string | null
  texts: string[]
  by_unit: CrossRow[]
  by_age_band: CrossRow[]
}

export interface SurveyResults {
  survey: Survey
  responses: number
  questions: QuestionResult[]
  min_cell: number
}

/** The phone's view of a survey: no one else's answers. */
export interface MySurvey {
  id: number
  title: string
  description: string
  anonymous: boolean
  org_node_name: string
  status: SurveyStatus
  responded: boolean
  question_count: number
  opened_at: string | null
  closed_at: string | null
  questions?: Question[]
}

export interface AnswerInput {
  question_id: string
  option_ids?: string[]
  value?: number
  text?: string
}

const id = (n: number) => encodeURIComponent(String(n))

export const fetchSurveys = (query: Query) =>
  get<{ items: Survey[]; total: number; page: number; page_size: number }>('/evaluation/surveys', { query })
export const fetchSurvey = (surveyId: number) => get<Survey>(`/evaluation/surveys/${id(surveyId)}`)
export const createSurvey = (input: SurveyInput, key: string) =>
  post<Survey>('/evaluation/surveys', input, { silent: true, headers: { 'Idempotency-Key': key } })
export const saveSurvey = (surveyId: number, input: SurveyInput) => put<Survey>(`/evaluation/surveys/${id(surveyId)}`, input, { silent: true })
export const changeSurvey = (surveyId: number, action: 'publish' | 'close') =>
  post<Survey>(`/evaluation/surveys/${id(surveyId)}/${action}`, {}, { silent: true })
export const fetchResults = (surveyId: number) => get<SurveyResults>(`/evaluation/surveys/${id(surveyId)}/results`)
export const exportResults = (surveyId: number): Promise<Download> => download(`/evaluation/surveys/${id(surveyId)}/export`, 'survey.xlsx')

export const fetchMySurveys = () => get<{ items: MySurvey[] }>('/me/surveys', { silent: true })
export const fetchMySurvey = (surveyId: number) => get<MySurvey>(`/me/surveys/${id(surveyId)}`, { silent: true })
export const submitResponse = (surveyId: number, answers: AnswerInput[], key: string) =>
  post<MySurvey>(`/me/surveys/${id(surveyId)}/responses`, { answers }, { silent: true, headers: { 'Idempotency-Key': key } })
