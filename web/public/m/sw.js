// The phone app's service worker (scope /m/): keeps the app shell — the page and its hashed scripts and styles — so the
// app opens without a network and a visit can be written offline. API answers are never kept: they carry personal
// data, and the app's own outbox (not this worker) holds what waits to be sent.
const SHELL = 'xinhuo-shell-v1'

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.add('/m/')).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== SHELL).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname === '/healthz') return
  if (request.mode === 'navigate') {
    // The newest page when there is a network; the kept one when there is none.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone()
            caches.open(SHELL).then((cache) => cache.put('/m/', copy))
          }
          return response
        })
        .catch(() => caches.match('/m/').then((kept) => kept || Response.error())),
    )
    return
  }
  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    // Hashed file names never change content: the kept copy is the right one.
    event.respondWith(
      caches.match(request).then(
        (kept) =>
          kept ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone()
              caches.open(SHELL).then((cache) => cache.put(request, copy))
            }
            return response
          }),
      ),
    )
  }
})
