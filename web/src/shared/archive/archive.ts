// The growth archive in words: each item of the server's archive as a line (title, a short tag, the detail people
// wrote), the sections in the order the printed file has them, career changes and profile values in the user's
// language. Party-life items read as the member's political-life timeline reads them.
import { t } from '../i18n'
import '../i18n/archive'
import '../i18n/record'
import type { ArchiveItem, ArchiveSection, CareerChange, YearLife } from '../api/archive'
import { describe as describePartyItem } from '../party/lifeRecords'
import { assignmentTypeLabel, completionLabel, kindLabel, levelLabel, resultLabel, stateLabel } from '../practice/practice'
import { categoryLabel, entryStateLabel } from '../record/record'
import { historyValue } from '../people/labels'

export type Tone = 'normal' | 'good' | 'bad' | 'muted'

export interface ArchiveLine {
  key: string
  date: string
  title: string
  tag: string
  detail: string
  tone: Tone
}

/** The dated sections of the file, in the order they are printed. */
export const ITEM_SECTIONS: readonly ArchiveSection[] = ['party', 'study', 'training', 'practice', 'evaluation', 'oversight', 'record']

export const sectionLabel = (s: string): string => t(`archive.section.${s}`)

function parts(detail: string | null): string[] {
  return (detail ?? '').split('|')
}

/** One item of the archive in words. Unknown kinds read as the server sent them. */
export function describeItem(item: ArchiveItem): ArchiveLine {
  const base = { key: `${item.section}:${item.kind}:${item.ref_id}:${item.date}`, date: item.date }
  const code = item.code ?? ''
  const status = item.status ?? ''
  switch (`${item.section}:${item.kind}`) {
    case 'study:course_completed':
      return { ...base, title: t('archive.line.course', { title: item.title }), tag: t('archive.line.courseHours', { hours: item.detail ?? '' }), detail: '', tone: 'normal' }
    case 'study:reading_note':
      return { ...base, title: t('archive.line.reading', { title: item.title }), tag: status === 'excellent' ? t('archive.line.excellent') : '', detail: item.detail ?? '', tone: status === 'excellent' ? 'good' : 'normal' }
    case 'study:lecture':
      return { ...base, title: t('archive.line.lecture', { title: item.title }), tag: code ? levelLabel(code) : '', detail: item.detail ?? '', tone: 'normal' }
    case 'training:training': {
      const [hours, result] = parts(item.detail)
      const tag = [status ? completionLabel(status) : '', result ? resultLabel(result) : ''].filter(Boolean).join(' · ')
      const detail = [code ? kindLabel(code) : '', hours ? t('archive.line.trainingHours', { hours }) : ''].filter(Boolean).join(' · ')
      return { ...base, title: t('archive.line.training', { title: item.title }), tag, detail, tone: status === 'not_completed' ? 'bad' : result === 'excellent' ? 'good' : 'normal' }
    }
    case 'practice:competition': {
      const rank = Number(status)
      const detail = code ? levelLabel(code) : ''
      return { ...base, title: t('archive.line.competition', { title: item.title }), tag: rank > 0 ? t('archive.line.rank', { rank }) : '', detail, tone: rank > 0 && rank <= 3 ? 'good' : 'normal' }
    }
    case 'practice:assignment': {
      const [end, outcome] = parts(item.detail)
      const title = t('archive.line.assignment', { type: code ? assignmentTypeLabel(code) : '', place: item.title })
      const detail = [end ? t('archive.line.until', { date: end }) : '', outcome ?? ''].filter(Boolean).join(' · ')
      return { ...base, title, tag: status ? stateLabel(status) : '', detail, tone: status === 'terminated' ? 'muted' : 'normal' }
    }
    case 'record:entry': {
      const [content, contest] = (item.detail ?? '').split('\n')
      const detail = [content ?? '', contest ? t('archive.line.contested', { text: contest }) : ''].filter(Boolean).join('\n')
      return { ...base, title: item.title, tag: [code ? categoryLabel(code) : '', status === 'contested' ? entryStateLabel(status) : ''].filter(Boolean).join(' · '), detail, tone: code === 'shortcoming' || status === 'contested' ? 'bad' : 'normal' }
    }
    case 'evaluation:dual_ranking':
    case 'evaluation:multi_source':
    case 'evaluation:annual': {
      const kind = t(`archive.kind.${item.kind}`)
      const score = item.detail ?? ''
      const tag =
        item.kind === 'annual'
          ? (code ? t(`archive.grade.${code}`) : '')
          : item.kind === 'dual_ranking' && code
            ? t('archive.line.evaluationRank', { rank: code, of: status })
            : ''
      const detail = !score ? '' : t(item.kind === 'dual_ranking' ? 'archive.line.evaluationScore' : 'archive.line.evaluationTotal', { score })
      return { ...base, title: `${kind}：${item.title}`, tag, detail, tone: code === 'excellent' ? 'good' : code === 'incompetent' ? 'bad' : 'normal' }
    }
    case 'oversight:accountability': {
      const [reason, until, year] = parts(item.detail)
      const detail = [reason ?? '', until ? t('archive.line.accountabilityUntil', { date: until }) : '', year ? t('archive.line.accountabilityYear', { year }) : '']
        .filter(Boolean)
        .join(' · ')
      return { ...base, title: t('archive.line.accountability', { form: item.title }), tag: status === 'in_effect' ? t('archive.line.inEffect') : '', detail, tone: 'bad' }
    }
    case 'oversight:clarification':
      return { ...base, title: t('archive.line.clarification', { text: item.title }), tag: '', detail: item.detail ? t('archive.line.finding', { text: item.detail }) : '', tone: 'good' }
    default:
      if (item.section === 'party') {
        const line = describePartyItem({ date: item.date, type: item.kind, code, status: item.status, text: item.title, ref_id: item.ref_id })
        return { key: base.key, date: item.date, title: line.title, tag: line.tag, detail: line.detail, tone: line.tone }
      }
      return { ...base, title: item.title, tag: [code, status].filter(Boolean).join(' · '), detail: item.detail ?? '', tone: 'normal' }
  }
}

export interface ArchiveSectionLines {
  section: ArchiveSection
  lines: ArchiveLine[]
}

/** The dated items by section in the printed order, each section oldest first; sections with nothing left out. */
export function sectionsOf(items: readonly ArchiveItem[]): ArchiveSectionLines[] {
  return ITEM_SECTIONS.map((section) => ({ section, lines: items.filter((i) => i.section === section).map(describeItem) })).filter(
    (s) => s.lines.length > 0,
  )
}

/** A career change in words: 职务：科员 → 副科长. */
export function careerLine(c: CareerChange): string {
  const field = t(`archive.career.${c.field}`)
  const value = (v: string | null) => (v ? historyValue(c.field, v) : '—')
  return t('archive.career.change', { field, from: value(c.old_value), to: value(c.new_value) })
}

/** Study sessions attended (on time or late) and missed (absent) in a year. */
export function studyOf(y: YearLife): { attended: number; missed: number } {
  return { attended: y.study_present + y.study_late, missed: y.study_absent }
}
