import { createRouter, createWebHistory } from 'vue-router'
import type { AuthRoutes } from '../shared/auth/guard'
import { PERM } from '../shared/auth/permissions'

// Every page is its own chunk, loaded when first visited. Every page needs a session except those marked public.
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/', name: 'home', component: () => import('./home/HomePage.vue'), meta: { titleKey: 'menu.home' } },
    {
      path: '/login',
      name: 'login',
      component: () => import('./login/LoginPage.vue'),
      meta: { titleKey: 'auth.title', public: true, bare: true },
    },
    {
      path: '/account/sessions',
      name: 'sessions',
      component: () => import('./account/SessionsPage.vue'),
      meta: { titleKey: 'sessions.title' },
    },
    {
      path: '/org',
      name: 'org',
      component: () => import('./org/OrgPeoplePage.vue'),
      meta: { titleKey: 'menu.org', permission: PERM.orgRead },
    },
    {
      path: '/org/import',
      name: 'people-import',
      component: () => import('./people/ImportPage.vue'),
      meta: { titleKey: 'peopleImport.title', permission: PERM.peopleImport, menuPath: '/org' },
    },
    {
      path: '/points/claims',
      name: 'points-claims',
      component: () => import('./points/ClaimQueue.vue'),
      meta: { titleKey: 'menu.pointsClaims', permission: PERM.pointsApprove },
    },
    {
      path: '/points/records',
      name: 'points-records',
      component: () => import('./points/RecordPage.vue'),
      meta: { titleKey: 'menu.pointsRecords', permission: PERM.pointsAdjust },
    },
    {
      path: '/points/ranking',
      name: 'points-ranking',
      component: () => import('./points/RankingPage.vue'),
      meta: { titleKey: 'menu.pointsRanking', permission: PERM.pointsRead },
    },
    {
      path: '/points/publicity',
      name: 'points-publicity',
      component: () => import('./points/PublicityPage.vue'),
      meta: { titleKey: 'menu.pointsPublicity', permission: PERM.pointsRead },
    },
    {
      path: '/points/rules',
      name: 'points-rules',
      component: () => import('./points/RulesPage.vue'),
      meta: { titleKey: 'menu.pointsRules', permission: [PERM.pointsRules, PERM.pointsRead] },
    },
    {
      path: '/system/accounts',
      name: 'accounts',
      component: () => import('./accounts/AccountsPage.vue'),
      meta: { titleKey: 'menu.accounts', permission: PERM.accountRead },
    },
    {
      path: '/system/roles',
      name: 'roles',
      component: () => import('./accounts/RolesPage.vue'),
      meta: { titleKey: 'menu.roles', permission: PERM.accountRead },
    },
    {
      path: '/party/timeline',
      name: 'party-timeline-pick',
      component: () => import('./party/TimelinePage.vue'),
      meta: { titleKey: 'menu.partyTimeline', permission: PERM.partyRead },
    },
    {
      path: '/party/people/:id(\\d+)/timeline',
      name: 'party-timeline',
      component: () => import('./party/TimelinePage.vue'),
      props: (route) => ({ personId: Number(route.params.id) }),
      meta: { titleKey: 'menu.partyTimeline', permission: PERM.partyRead, menuPath: '/party/timeline' },
    },
    {
      path: '/party/appraisals',
      name: 'party-appraisals',
      component: () => import('./party/AppraisalsPage.vue'),
      meta: { titleKey: 'menu.partyAppraisals', permission: PERM.partyRead },
    },
    {
      path: '/party/rewards',
      name: 'party-rewards',
      component: () => import('./party/RewardsPage.vue'),
      meta: { titleKey: 'menu.partyRewards', permission: PERM.partyRead },
    },
    {
      path: '/party/pipeline',
      name: 'party-pipeline',
      component: () => import('./party/PipelinePage.vue'),
      meta: { titleKey: 'menu.partyPipeline', permission: PERM.partyRead },
    },
    {
      path: '/party/warnings',
      name: 'party-warnings',
      component: () => import('./party/WarningsPage.vue'),
      meta: { titleKey: 'menu.partyWarnings', permission: PERM.partyRead },
    },
    {
      path: '/party/meetings',
      name: 'party-meetings',
      component: () => import('./party/MeetingsPage.vue'),
      meta: { titleKey: 'menu.partyMeetings', permission: PERM.partyRead },
    },
    {
      path: '/party/meetings/:id(\\d+)',
      name: 'party-meeting',
      component: () => import('./party/MeetingPage.vue'),
      props: (route) => ({ meetingId: Number(route.params.id) }),
      meta: { titleKey: 'menu.partyMeeting', permission: PERM.partyRead, menuPath: '/party/meetings' },
    },
    {
      path: '/record/person',
      name: 'record-person',
      component: () => import('./record/PersonRecordPage.vue'),
      meta: { titleKey: 'menu.recordPerson', permission: PERM.recordRead },
    },
    {
      path: '/record/entries',
      name: 'record-entries',
      component: () => import('./record/EntriesPage.vue'),
      meta: { titleKey: 'menu.recordEntries', permission: PERM.recordRead },
    },
    {
      path: '/practice/assignments',
      name: 'practice-assignments',
      component: () => import('./practice/AssignmentsPage.vue'),
      meta: { titleKey: 'menu.practiceAssignments', permission: PERM.practiceRead },
    },
    {
      path: '/practice/trainings',
      name: 'practice-trainings',
      component: () => import('./practice/TrainingsPage.vue'),
      meta: { titleKey: 'menu.practiceTrainings', permission: PERM.practiceRead },
    },
    {
      path: '/practice/trainings/:id(\\d+)',
      name: 'practice-training',
      component: () => import('./practice/TrainingPage.vue'),
      props: (route) => ({ trainingId: Number(route.params.id) }),
      meta: { titleKey: 'menu.practiceTrainings', permission: PERM.practiceRead, menuPath: '/practice/trainings' },
    },
    {
      path: '/practice/competitions',
      name: 'practice-competitions',
      component: () => import('./practice/CompetitionsPage.vue'),
      meta: { titleKey: 'menu.practiceCompetitions', permission: PERM.practiceRead },
    },
    {
      path: '/party/cadence',
      name: 'party-cadence',
      component: () => import('./party/CadencePage.vue'),
      meta: { titleKey: 'menu.partyCadence', permission: PERM.partyRead },
    },
    {
      path: '/party/cases/:id(\\d+)',
      name: 'party-case',
      component: () => import('./party/CasePage.vue'),
      props: (route) => ({ caseId: Number(route.params.id) }),
      meta: { titleKey: 'menu.partyCase', permission: PERM.partyRead, menuPath: '/party/pipeline' },
    },
    {
      path: '/party/dues',
      name: 'party-dues',
      component: () => import('./party/DuesPage.vue'),
      meta: { titleKey: 'menu.partyDues', permission: PERM.partyRead },
    },
    {
      path: '/party/transfers',
      name: 'party-transfers',
      component: () => import('./party/TransfersPage.vue'),
      meta: { titleKey: 'menu.partyTransfers', permission: PERM.partyRead },
    },
    {
      path: '/party/floating',
      name: 'party-floating',
      component: () => import('./party/FloatingPage.vue'),
      meta: { titleKey: 'menu.partyFloating', permission: PERM.partyRead },
    },
    {
      path: '/study/groups',
      name: 'study-groups',
      component: () => import('./study/GroupsPage.vue'),
      meta: { titleKey: 'menu.studyGroups', permission: PERM.studyRead },
    },
    {
      path: '/study/lectures',
      name: 'study-lectures',
      component: () => import('./study/LecturesPage.vue'),
      meta: { titleKey: 'menu.studyLectures', permission: PERM.studyRead },
    },
    {
      path: '/study/sessions',
      name: 'study-sessions',
      component: () => import('./study/SessionsPage.vue'),
      meta: { titleKey: 'menu.studySessions', permission: PERM.studyRead },
    },
    {
      path: '/study/sessions/:id(\\d+)',
      name: 'study-session',
      component: () => import('./study/SessionPage.vue'),
      props: (route) => ({ sessionId: Number(route.params.id) }),
      meta: { titleKey: 'menu.studySession', permission: PERM.studyRead, menuPath: '/study/sessions' },
    },
    {
      // 签到大屏: the whole window, for a projector; showing the code needs study.write (the server's rule too).
      path: '/study/sessions/:id(\\d+)/screen',
      name: 'study-screen',
      component: () => import('./study/CheckinScreen.vue'),
      props: (route) => ({ sessionId: Number(route.params.id) }),
      meta: { titleKey: 'menu.studyScreen', permission: PERM.studyWrite, bare: true },
    },
    {
      path: '/study/courses',
      name: 'study-courses',
      component: () => import('./study/CoursesPage.vue'),
      meta: { titleKey: 'menu.studyCourses', permission: PERM.studyRead },
    },
    {
      path: '/study/readings',
      name: 'study-readings',
      component: () => import('./study/ReadingsPage.vue'),
      meta: { titleKey: 'menu.studyReadings', permission: PERM.studyRead },
    },
    {
      path: '/system/audit',
      name: 'audit',
      component: () => import('./audit/AuditLogPage.vue'),
      meta: { titleKey: 'audit.title', permission: PERM.auditRead },
    },
    {
      path: '/analytics',
      name: 'analytics',
      component: () => import('./analytics/DashboardPage.vue'),
      meta: { titleKey: 'menu.analytics', permission: PERM.analyticsRead },
    },
    {
      // 大屏: the whole window, dark, for a meeting room's screen.
      path: '/analytics/screen',
      name: 'analytics-screen',
      component: () => import('./analytics/BigScreen.vue'),
      meta: { titleKey: 'menu.analyticsScreen', permission: PERM.analyticsRead, bare: true },
    },
    { path: '/forbidden', name: 'forbidden', component: () => import('./Forbidden.vue'), meta: { titleKey: 'forbidden.title' } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFound.vue'), meta: { titleKey: 'notFound.title' } },
  ],
})

export const authRoutes: AuthRoutes = {
  login: 'login',
  loginPath: '/login',
  home: '/',
  needsSignIn: (to) => to.meta.public !== true,
}
