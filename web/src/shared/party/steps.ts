// The 25 steps of member development (《中国共产党发展党员工作细则》) in their 5 stages, as the server numbers them, and
// their names in the user's language. The server answers names in Chinese only; the interface names them itself.
import { i18n, t } from '../i18n'
import '../i18n/party'
import type { Outcome, ParticipantRole, ReportKind, WarningKind } from '../api/party'

export const STAGE_CODES = ['application', 'activist', 'candidate', 'admission', 'probation'] as const
export type StageCode = (typeof STAGE_CODES)[number]

/** Step codes in order: STEP_CODES[n - 1] is step n. */
export const STEP_CODES = [
  'application',
  'talk',
  'activist',
  'activist_filed',
  'contacts',
  'cultivation',
  'candidate',
  'candidate_filed',
  'sponsors',
  'political_review',
  'training',
  'committee_review',
  'pre_review',
  'application_form',
  'admission_vote',
  'committee_talk',
  'admission_approval',
  'admission_filed',
  'assigned',
  'oath',
  'probation',
  'conversion_application',
  'conversion_vote',
  'conversion_approval',
  'archived',
] as const
export type StepCode = (typeof STEP_CODES)[number]

/** The last step of each stage: stage s holds the steps after STAGE_ENDS[s - 2] up to STAGE_ENDS[s - 1]. */
const STAGE_ENDS = [2, 6, 11, 18, 25] as const
export const STEP_COUNT = 25

/** The stage (1–5) a step (1–25) belongs to. */
export function stageOf(stepNo: number): number {
  const i = STAGE_ENDS.findIndex((end) => stepNo <= end)
  return i < 0 ? STAGE_ENDS.length : i + 1
}

/** The step numbers of a stage, in order. */
export function stepsOf(stage: number): number[] {
  const first = stage <= 1 ? 1 : STAGE_ENDS[stage - 2] + 1
  const last = STAGE_ENDS[Math.min(Math.max(stage, 1), STAGE_ENDS.length) - 1]
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

export const stepCode = (stepNo: number): StepCode | undefined => STEP_CODES[stepNo - 1]

function known(key: string, fallback: string): string {
  return i18n.global.te(key, 'zh-CN') ? t(key) : fallback
}

/** "确定发展对象"; an unknown number reads as the server named it. */
export function stepName(stepNo: number, serverName = ''): string {
  const code = stepCode(stepNo)
  return code ? known(`party.step.${code}`, serverName || String(stepNo)) : serverName || String(stepNo)
}

/** "第7步 确定发展对象", and "（第2次）" for a repeated conversion step. */
export function stepTitle(stepNo: number, attempt = 1): string {
  const title = t('party.stepTitle', { no: stepNo, name: stepName(stepNo) })
  return attempt > 1 ? `${title}${t('party.attempt', { n: attempt })}` : title
}

/** The stage's full name; `short` for the board's column heads. */
export function stageName(stage: number, short = false): string {
  const code = STAGE_CODES[stage - 1]
  if (!code) return String(stage)
  return t(`party.${short ? 'stageShort' : 'stage'}.${code}`)
}

/** What the rules say about a step's timing, shown above its form; '' for steps without a rule of their own. */
export function stepRule(stepNo: number): string {
  const code = stepCode(stepNo)
  return code ? known(`party.rule.${code}`, '') : ''
}

export const outcomeLabel = (code: Outcome | string | null | undefined) => (code ? known(`party.outcome.${code}`, code) : '')
export const roleLabel = (role: ParticipantRole | string) => known(`party.role.${role}`, role)
export const reportKindLabel = (kind: ReportKind | string) => known(`party.reportKind.${kind}`, kind)
export const warningKindLabel = (kind: WarningKind | string) => known(`party.warningKind.${kind}`, kind)
export const caseStatusLabel = (status: string) => known(`party.caseStatus.${status}`, status)
