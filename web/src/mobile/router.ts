import { createRouter, createWebHistory } from 'vue-router'
import type { AuthRoutes } from '../shared/auth/guard'

// The mobile shell lives under /m/; every page is its own chunk. Pages marked signIn need a signed-in user.
export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', name: 'home', component: () => import('./home/HomePage.vue'), meta: { tab: true, titleKey: 'mobile.tabs.home' } },
    {
      path: '/study',
      name: 'study',
      component: () => import('./study/StudyPage.vue'),
      meta: { tab: true, titleKey: 'mobile.tabs.study', signIn: true },
    },
    {
      // The screen's QR code opens this with ?t=<token>; signing in first comes back here, query and all.
      path: '/study/checkin',
      name: 'study-checkin',
      component: () => import('./study/CheckinPage.vue'),
      meta: { titleKey: 'mobile.studyCheckin', signIn: true },
    },
    {
      path: '/study/lectures',
      name: 'study-lectures',
      component: () => import('./study/LecturesPage.vue'),
      meta: { titleKey: 'mobile.lecturesEntry', signIn: true },
    },
    {
      path: '/study/lectures/report',
      name: 'study-lecture-report',
      component: () => import('./study/LectureReportPage.vue'),
      meta: { titleKey: 'mobile.lectureReport', signIn: true },
    },
    {
      // A study group's leader runs the group's session from the phone: the check-in code, marks, closing.
      path: '/study/sessions/:id(\\d+)',
      name: 'study-leader-session',
      component: () => import('./study/LeaderSessionPage.vue'),
      props: true,
      meta: { titleKey: 'mobile.leaderSession', signIn: true },
    },
    {
      path: '/study/courses',
      name: 'my-courses',
      component: () => import('./study/MyCoursesPage.vue'),
      meta: { titleKey: 'mobile.myCourses', signIn: true },
    },
    {
      path: '/study/courses/:id(\\d+)',
      name: 'course-player',
      component: () => import('./study/CoursePlayerPage.vue'),
      props: (route) => ({ courseId: Number(route.params.id) }),
      meta: { titleKey: 'mobile.coursePlayer', signIn: true },
    },
    {
      path: '/study/readings',
      name: 'my-readings',
      component: () => import('./study/MyReadingsPage.vue'),
      meta: { titleKey: 'mobile.myReadings', signIn: true },
    },
    {
      path: '/study/readings/:id(\\d+)',
      name: 'reading-note',
      component: () => import('./study/ReadingNotePage.vue'),
      props: (route) => ({ readingId: Number(route.params.id) }),
      meta: { titleKey: 'mobile.readingNote', signIn: true },
    },
    {
      path: '/points',
      name: 'points',
      component: () => import('./points/PointsPage.vue'),
      meta: { tab: true, titleKey: 'mobile.tabs.points', signIn: true },
    },
    {
      path: '/points/claim',
      name: 'points-claim',
      component: () => import('./points/ClaimPage.vue'),
      meta: { titleKey: 'claimForm.title', signIn: true },
    },
    {
      path: '/points/claims',
      name: 'points-claims',
      component: () => import('./points/MyClaimsPage.vue'),
      meta: { titleKey: 'myClaims.title', signIn: true },
    },
    {
      path: '/points/publicity',
      name: 'points-publicity',
      component: () => import('./points/PublicityPage.vue'),
      meta: { titleKey: 'myPublicity.title', signIn: true },
    },
    {
      path: '/points/appeals',
      name: 'points-appeals',
      component: () => import('./points/MyAppealsPage.vue'),
      meta: { titleKey: 'myPublicity.myAppeals', signIn: true },
    },
    {
      path: '/party/meetings',
      name: 'party-meetings',
      component: () => import('./party/MyMeetingsPage.vue'),
      meta: { titleKey: 'mobile.meetingsEntry', signIn: true },
    },
    {
      path: '/party',
      name: 'party',
      component: () => import('./party/MyPartyPage.vue'),
      meta: { titleKey: 'myParty.title', signIn: true },
    },
    {
      path: '/party/dues',
      name: 'party-dues',
      component: () => import('./party/MyDuesPage.vue'),
      meta: { titleKey: 'mobile.duesEntry', signIn: true },
    },
    { path: '/me', name: 'me', component: () => import('./me/MePage.vue'), meta: { tab: true, titleKey: 'mobile.tabs.me', signIn: true } },
    { path: '/login', name: 'login', component: () => import('./login/LoginPage.vue'), meta: { titleKey: 'auth.title' } },
    {
      path: '/password',
      name: 'password',
      component: () => import('./account/PasswordPage.vue'),
      meta: { titleKey: 'password.title', signIn: true },
    },
    {
      path: '/practice',
      name: 'practice',
      component: () => import('./practice/MyPracticePage.vue'),
      meta: { titleKey: 'mobile.practiceEntry', signIn: true },
    },
    {
      path: '/record',
      name: 'record',
      component: () => import('./record/MyRecordPage.vue'),
      meta: { titleKey: 'mobile.recordEntry', signIn: true },
    },
    {
      path: '/record/archive',
      name: 'record-archive',
      component: () => import('./record/MyArchivePage.vue'),
      meta: { titleKey: 'menu.recordArchive', signIn: true },
    },
    {
      path: '/oversight',
      name: 'oversight',
      component: () => import('./oversight/MyOversightPage.vue'),
      meta: { titleKey: 'mobile.oversightEntry', signIn: true },
    },
    {
      path: '/party/timeline',
      name: 'party-timeline',
      component: () => import('./party/MyTimelinePage.vue'),
      meta: { titleKey: 'mobile.timelineEntry', signIn: true },
    },
    {
      path: '/surveys',
      name: 'surveys',
      component: () => import('./survey/MySurveysPage.vue'),
      meta: { titleKey: 'mobile.surveyEntry', signIn: true },
    },
    {
      path: '/surveys/:id',
      name: 'survey-answer',
      component: () => import('./survey/SurveyAnswerPage.vue'),
      meta: { titleKey: 'mobile.surveyEntry', signIn: true },
    },
    {
      path: '/evaluation',
      name: 'evaluation',
      component: () => import('./evaluation/EvaluationPage.vue'),
      meta: { titleKey: 'mobile.evaluationEntry', signIn: true },
    },
    {
      path: '/evaluation/tasks/:id(\\d+)',
      name: 'evaluation-task',
      component: () => import('./evaluation/RatePage.vue'),
      props: (route) => ({ campaignId: Number(route.params.id) }),
      meta: { titleKey: 'mobile.evaluationEntry', signIn: true },
    },
    {
      path: '/mass',
      name: 'mass',
      component: () => import('./masswork/MassPage.vue'),
      meta: { titleKey: 'mobile.massEntry', signIn: true },
    },
    {
      path: '/mass/projects',
      name: 'mass-projects',
      component: () => import('./masswork/ProjectsPage.vue'),
      meta: { titleKey: 'mobile.massProjects', signIn: true },
    },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFound.vue'), meta: { titleKey: 'notFound.title' } },
  ],
})

export const authRoutes: AuthRoutes = {
  login: 'login',
  loginPath: '/login',
  home: '/',
  needsSignIn: (to) => to.meta.signIn === true,
}
