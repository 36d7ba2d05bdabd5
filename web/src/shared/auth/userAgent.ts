// A short, readable name for a session's browser: "Chrome 131 · Windows", "微信 · iOS". The full string stays
// available as a tooltip; this only helps people recognise their own devices.

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger\/([\d.]+)/, 'WeChat'],
  [/DingTalk\/([\d.]+)/, 'DingTalk'],
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS|Chromium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

/** Names for browsers that are not a brand in every language. */
export interface AgentNames {
  wechat: string
  dingtalk: string
}

export function describeUserAgent(ua: string, names: AgentNames = { wechat: 'WeChat', dingtalk: 'DingTalk' }): string {
  if (!ua) return ''
  let browser = ''
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(ua)
    if (m) {
      if (name === 'WeChat') browser = names.wechat
      else if (name === 'DingTalk') browser = names.dingtalk
      else browser = `${name} ${m[1]}`
      break
    }
  }
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? ''
  const parts = [browser, system].filter(Boolean)
  return parts.length > 0 ? parts.join(' · ') : ua.slice(0, 60)
}
