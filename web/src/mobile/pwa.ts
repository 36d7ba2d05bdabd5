// Makes the phone app installable: the web app manifest, and the service worker that keeps the app shell for offline
// use (public/m/sw.js). Browsers allow a service worker only on https or on this machine itself.
export function installPwa(): void {
  if (typeof document === 'undefined') return
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link')
    link.rel = 'manifest'
    link.href = '/m/manifest.webmanifest'
    document.head.appendChild(link)
  }
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => {
      // no offline shell: the app still works online
    })
  }
}
