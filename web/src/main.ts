// Bootstrap: pick the shell for this page load, then download only that shell.
// The console (Element Plus) and the mobile H5 (Vant) are separate dynamic imports,
// so a phone never downloads the console's code or styles.
import { chooseShell, readShellPreference } from './shared/shell'

const choice = chooseShell(window.location.pathname, window.innerWidth, readShellPreference())
if (choice.redirect) window.history.replaceState(null, '', choice.redirect)

const start = choice.shell === 'mobile' ? import('./mobile/main') : import('./console/main')
start
  .then((shell) => shell.mount('#app'))
  .catch((err: unknown) => {
    // A failed chunk download (often a new deployment or a dropped connection): offer a reload.
    console.error(err)
    const app = document.getElementById('app')
    if (app) app.innerHTML = '<div class="boot"><a href="" onclick="location.reload()">页面加载失败，点击重试 / Reload</a></div>'
  })
