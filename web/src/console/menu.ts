// The console's side menu: the platform's modules in the order administrators work through them.
// An entry without a route is shown disabled with a "待上线" tag until its module is built. Entries a user lacks the
// permission for are not shown at all (see allowedEntries).
import type { Component } from 'vue'
import {
  AlarmClock, ChatDotRound, Checked, DataBoard, Document, EditPen, Flag, HomeFilled, Histogram, Key, List, Medal, Notebook, Notification,
  OfficeBuilding, Promotion, Reading, Setting, Stamp, Switch, TrendCharts, User, View, Wallet,
} from '@element-plus/icons-vue'
import { Calendar, Collection, Location, Microphone, Odometer, Position, School, Star, Tickets, Trophy, UserFilled, VideoPlay } from '@element-plus/icons-vue'
import { Guide, House, Present } from '@element-plus/icons-vue'
import { PERM, type Need } from '../shared/auth/permissions'

export interface MenuEntry {
  /** i18n key under `menu.` and the entry's id. */
  key: string
  icon: Component
  /** Route path; absent while the module is not available. */
  path?: string
  /** Shown only to users with this permission (any one of a list); the route asks for the same. */
  permission?: Need
  /** A sub-menu; shown as "coming soon" while none of its pages is open to the user. */
  children?: MenuEntry[]
}

export interface MenuGroup {
  /** i18n key under `menuGroup.`. */
  key: string
  entries: MenuEntry[]
}

export const menuGroups: MenuGroup[] = [
  { key: 'workbench', entries: [{ key: 'home', icon: HomeFilled, path: '/' }] },
  {
    key: 'party',
    entries: [
      { key: 'org', icon: OfficeBuilding, path: '/org', permission: PERM.orgRead },
      {
        key: 'points',
        icon: Medal,
        permission: [PERM.pointsRead, PERM.pointsApprove, PERM.pointsAdjust, PERM.pointsRules],
        children: [
          { key: 'pointsClaims', icon: Checked, path: '/points/claims', permission: PERM.pointsApprove },
          { key: 'pointsRecords', icon: EditPen, path: '/points/records', permission: PERM.pointsAdjust },
          { key: 'pointsRanking', icon: Histogram, path: '/points/ranking', permission: PERM.pointsRead },
          { key: 'pointsPublicity', icon: Notification, path: '/points/publicity', permission: PERM.pointsRead },
          { key: 'pointsRules', icon: List, path: '/points/rules', permission: [PERM.pointsRules, PERM.pointsRead] },
        ],
      },
      {
        key: 'orgLife',
        icon: Calendar,
        permission: PERM.partyRead,
        children: [
          { key: 'partyMeetings', icon: Tickets, path: '/party/meetings', permission: PERM.partyRead },
          { key: 'partyCadence', icon: Odometer, path: '/party/cadence', permission: PERM.partyRead },
        ],
      },
      {
        key: 'development',
        icon: User,
        permission: PERM.partyRead,
        children: [
          { key: 'partyPipeline', icon: DataBoard, path: '/party/pipeline', permission: PERM.partyRead },
          { key: 'partyWarnings', icon: AlarmClock, path: '/party/warnings', permission: PERM.partyRead },
        ],
      },
      {
        key: 'party',
        icon: Flag,
        permission: PERM.partyRead,
        children: [
          { key: 'partyDues', icon: Wallet, path: '/party/dues', permission: PERM.partyRead },
          { key: 'partyTransfers', icon: Switch, path: '/party/transfers', permission: PERM.partyRead },
          { key: 'partyFloating', icon: Location, path: '/party/floating', permission: PERM.partyRead },
          { key: 'partyTimeline', icon: Notebook, path: '/party/timeline', permission: PERM.partyRead },
          { key: 'partyAppraisals', icon: Stamp, path: '/party/appraisals', permission: PERM.partyRead },
          { key: 'partyRewards', icon: Medal, path: '/party/rewards', permission: PERM.partyRead },
        ],
      },
    ],
  },
  {
    key: 'cadre',
    entries: [
      {
        key: 'record',
        icon: Notebook,
        permission: PERM.recordRead,
        children: [
          { key: 'recordPerson', icon: User, path: '/record/person', permission: PERM.recordRead },
          { key: 'recordEntries', icon: List, path: '/record/entries', permission: PERM.recordRead },
          { key: 'recordPool', icon: Star, path: '/record/pool', permission: PERM.recordRead },
        ],
      },
      {
        key: 'study',
        icon: Reading,
        permission: PERM.studyRead,
        children: [
          { key: 'studyGroups', icon: UserFilled, path: '/study/groups', permission: PERM.studyRead },
          { key: 'studySessions', icon: Calendar, path: '/study/sessions', permission: PERM.studyRead },
          { key: 'studyCourses', icon: VideoPlay, path: '/study/courses', permission: PERM.studyRead },
          { key: 'studyReadings', icon: Collection, path: '/study/readings', permission: PERM.studyRead },
          { key: 'studyLectures', icon: Microphone, path: '/study/lectures', permission: PERM.studyRead },
        ],
      },
      {
        key: 'practice',
        icon: Promotion,
        permission: PERM.practiceRead,
        children: [
          { key: 'practiceAssignments', icon: Position, path: '/practice/assignments', permission: PERM.practiceRead },
          { key: 'practiceTrainings', icon: School, path: '/practice/trainings', permission: PERM.practiceRead },
          { key: 'practiceCompetitions', icon: Trophy, path: '/practice/competitions', permission: PERM.practiceRead },
        ],
      },
      {
        key: 'evaluation',
        icon: Stamp,
        permission: [PERM.evaluationRead, PERM.evaluationManage],
        children: [
          { key: 'evaluationCampaigns', icon: Histogram, path: '/evaluation/campaigns', permission: PERM.evaluationRead },
          { key: 'evaluationSurveys', icon: Tickets, path: '/evaluation/surveys', permission: PERM.evaluationRead },
        ],
      },
    ],
  },
  {
    key: 'masses',
    entries: [
      {
        key: 'masswork',
        icon: ChatDotRound,
        permission: PERM.massRead,
        children: [
          { key: 'massHouseholds', icon: House, path: '/mass/households', permission: PERM.massRead },
          { key: 'massVisits', icon: Guide, path: '/mass/visits', permission: PERM.massRead },
          { key: 'massProjects', icon: Present, path: '/mass/projects', permission: PERM.massRead },
          { key: 'massTeams', icon: UserFilled, path: '/mass/teams', permission: PERM.massRead },
        ],
      },
      {
        key: 'oversight',
        icon: View,
        permission: PERM.oversightRead,
        children: [
          { key: 'oversightCases', icon: Checked, path: '/oversight/cases', permission: PERM.oversightRead },
          { key: 'oversightInspections', icon: Flag, path: '/oversight/inspections', permission: PERM.oversightRead },
          { key: 'oversightAccountability', icon: Stamp, path: '/oversight/accountability', permission: PERM.oversightRead },
          { key: 'oversightPolicies', icon: Document, path: '/oversight/policies', permission: PERM.oversightRead },
        ],
      },
    ],
  },
  {
    key: 'platform',
    entries: [
      { key: 'analytics', icon: TrendCharts, path: '/analytics', permission: PERM.analyticsRead },
      {
        key: 'system',
        icon: Setting,
        children: [
          { key: 'accounts', icon: User, path: '/system/accounts', permission: PERM.accountRead },
          { key: 'roles', icon: Key, path: '/system/roles', permission: PERM.accountRead },
          { key: 'audit', icon: Document, path: '/system/audit', permission: PERM.auditRead },
        ],
      },
    ],
  },
]
