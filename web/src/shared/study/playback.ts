// The seconds of real learning the course player reports: time counts only while the video plays (or the document is
// open for reading) AND the page is visible. A paused, ended, or hidden tab stops the count; the player takes what
// has accumulated every heartbeat and gives it back if the report could not be sent. Pure: every call names the time
// (milliseconds), so the rules are tested without a browser.

/** The most a heartbeat may report; the server refuses more (a phone that was offline sends the rest later). */
export const MAX_BEAT_SECONDS = 120
/** How often the player reports. */
export const BEAT_INTERVAL_MS = 15_000

export class PlaybackMeter {
  private playing = false
  private visible = true
  /** When the current counting stretch began (playing and visible), else null. */
  private since: number | null = null
  /** Counted and not yet taken, in milliseconds. */
  private pendingMs = 0

  constructor(visible = true) {
    this.visible = visible
  }

  /** The video started or resumed playing (or the reader opened the document). */
  play(at: number): void {
    this.settle(at)
    this.playing = true
    this.resume(at)
  }

  /** Paused, ended, waiting for data, or the reader stopped. */
  pause(at: number): void {
    this.settle(at)
    this.playing = false
  }

  /** document.visibilityState changed. */
  visibility(visible: boolean, at: number): void {
    this.settle(at)
    this.visible = visible
    this.resume(at)
  }

  /** Whether time is being counted now. */
  get counting(): boolean {
    return this.since !== null
  }

  /** Whole seconds counted so far and not taken (the fraction stays for the next heartbeat). */
  pending(at: number): number {
    return Math.floor(this.totalMs(at) / 1000)
  }

  /** Takes the whole seconds to report now, at most MAX_BEAT_SECONDS; the rest waits for the next heartbeat. */
  take(at: number): number {
    this.settle(at)
    this.resume(at)
    const seconds = Math.min(MAX_BEAT_SECONDS, Math.floor(this.pendingMs / 1000))
    this.pendingMs -= seconds * 1000
    return seconds
  }

  /** A report that failed: its seconds are counted again (still capped when taken). */
  giveBack(seconds: number): void {
    if (seconds > 0) this.pendingMs += seconds * 1000
  }

  private totalMs(at: number): number {
    return this.pendingMs + (this.since !== null ? Math.max(0, at - this.since) : 0)
  }

  private settle(at: number): void {
    if (this.since !== null) this.pendingMs += Math.max(0, at - this.since)
    this.since = null
  }

  private resume(at: number): void {
    this.since = this.playing && this.visible ? at : null
  }
}

/** Progress as a whole percentage 0–100 (100 only when complete). */
export function progressPercent(watched: number, required: number): number {
  if (required <= 0) return 0
  if (watched >= required) return 100
  return Math.min(99, Math.floor((watched * 100) / required))
}

/** "12:05" or "1:02:09" for a number of seconds. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const pad = (n: number) => String(n).padStart(2, '0')
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`
}

/** 学时 as shown: 0.5, 1, 1.5 … */
export function hoursText(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1)
}
