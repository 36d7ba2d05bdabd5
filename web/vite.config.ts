/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The C++ server (`xinhuo`) listens here in development; `npm run dev` forwards API calls to it.
const server = process.env.XINHUO_DEV_SERVER ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [vue()],
  // Compile-time flags of Vue and vue-i18n: no Options-API-only legacy i18n, no devtools in production.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
    },
  },
  build: {
    outDir: 'dist',
    // Target browsers of government PCs and phones from the last few years.
    target: 'es2020',
    // exceljs (about 940 KB, 270 KB gzip) is the one chunk past Vite's 500 KB warning: it is loaded only when the
    // people import reads a file.
    chunkSizeWarningLimit: 1000,
    // The core libraries both shells use go in one long-cached chunk; everything else splits by route.
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (/node_modules\/(vue|@vue|vue-router|pinia|vue-i18n|@intlify)\//.test(id)) return 'vue'
        },
      },
    },
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
})
