// "Why do I have N points": every ledger entry explained in words — the rule and its version, where the points came
// from and who approved them, and what a cap, the floor or a correction changed.
import type { ClaimKind, Entry } from '../api/points'
import { t } from '../i18n'
import { eventTypeLabel, limitLabel, signed } from './labels'

export interface Explanation {
  /** 学习心得或体会获认可 */
  rule: string
  /** 第 2 版: the version the points were earned under. */
  version: string
  /** 本人申报，经 王芳 审批通过 / 系统自动记入，依据学习活动签到记录 / 由 李强 记录 */
  source: string
  /** 受类别年度上限限制，申请 +3 分，计入 +1 分 (shown beside a 已达上限 / 最低分 tag) */
  cut: string | null
  /** The report's description, the record's or the correction's reason. */
  note: string | null
  noteLabel: string
  /** A later entry undid this one. */
  reversed: boolean
}

export interface ExplainContext {
  /** Whose entries these are (the viewer's own on the phone). */
  personName?: string
  /** The viewer is that person: "本人申报" rather than their name. */
  mine?: boolean
  /** The kind of claim behind the entry, when the page knows it. */
  claimKind?: ClaimKind
}

function claimSource(e: Entry, ctx: ExplainContext): string {
  const recorder = e.recorded_by ?? t('points.explain.someone')
  const approvers = e.approved_by ?? recorder
  // Accounts carry their person's name, so a claim submitted under the person's own name is their report.
  const kind = ctx.claimKind ?? (ctx.personName && e.recorded_by === ctx.personName ? 'self_report' : 'manager_record')
  if (kind === 'self_report') {
    return ctx.mine ? t('points.explain.mineApproved', { approvers }) : t('points.explain.reportApproved', { name: recorder, approvers })
  }
  return approvers === recorder ? t('points.explain.recorded', { name: recorder }) : t('points.explain.recordedApproved', { name: recorder, approvers })
}

function cut(e: Entry): string | null {
  if (!e.limited_by) return null
  const values = { limit: limitLabel(e.limited_by), requested: signed(e.requested), points: signed(e.points) }
  if (e.limited_by === 'floor') return t('points.explain.floor', values)
  return t('points.explain.capped', values)
}

export function explainEntry(e: Entry, ctx: ExplainContext = {}): Explanation {
  let source: string
  if (e.source_type === 'event') source = t('points.explain.event', { event: e.event_type ? eventTypeLabel(e.event_type) : e.rule_name })
  else if (e.source_type === 'reversal') source = t('points.explain.reversal', { name: e.recorded_by ?? t('points.explain.someone'), date: e.activity_date })
  else source = claimSource(e, ctx)
  return {
    rule: e.rule_name,
    version: t('points.explain.version', { version: e.rule_version }),
    source,
    cut: cut(e),
    note: e.note,
    noteLabel: e.source_type === 'reversal' ? t('points.explain.reversalReason') : t('points.explain.note'),
    reversed: e.reversed_by != null,
  }
}
