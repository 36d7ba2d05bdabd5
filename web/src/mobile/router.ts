import { createRouter, createWebHistory } from 'vue-router'

// The mobile shell lives under /m/; every page is its own chunk.
export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', name: 'home', component: () => import('./home/HomePage.vue'), meta: { tab: true, titleKey: 'mobile.tabs.home' } },
    {
      path: '/study',
      name: 'study',
      component: () => import('./AfterLogin.vue'),
      props: { feature: 'study' },
      meta: { tab: true, titleKey: 'mobile.tabs.study' },
    },
    {
      path: '/points',
      name: 'points',
      component: () => import('./AfterLogin.vue'),
      props: { feature: 'points' },
      meta: { tab: true, titleKey: 'mobile.tabs.points' },
    },
    { path: '/me', name: 'me', component: () => import('./me/MePage.vue'), meta: { tab: true, titleKey: 'mobile.tabs.me' } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFound.vue'), meta: { titleKey: 'notFound.title' } },
  ],
})
