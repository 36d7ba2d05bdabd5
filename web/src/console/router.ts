import { createRouter, createWebHistory } from 'vue-router'

// Every page is its own chunk, loaded when first visited.
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/', name: 'home', component: () => import('./home/HomePage.vue'), meta: { titleKey: 'menu.home' } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFound.vue'), meta: { titleKey: 'notFound.title' } },
  ],
})
