import { describe, expect, it } from 'vitest'
import { clockText, MAX_BEAT_SECONDS, PlaybackMeter, progressPercent } from './playback'

const s = (n: number) => n * 1000

describe('PlaybackMeter', () => {
  it('counts only while playing and visible', () => {
    const m = new PlaybackMeter()
    expect(m.take(s(10))).toBe(0) // not started
    m.play(s(10))
    expect(m.counting).toBe(true)
    expect(m.take(s(25))).toBe(15)
    m.pause(s(30))
    expect(m.counting).toBe(false)
    expect(m.take(s(90))).toBe(5) // the minute paused is not counted
  })

  it('stops while the tab is hidden and resumes when it is shown again (still playing)', () => {
    const m = new PlaybackMeter()
    m.play(0)
    m.visibility(false, s(4))
    expect(m.pending(s(60))).toBe(4)
    m.visibility(true, s(60))
    expect(m.take(s(70))).toBe(14)
  })

  it('does not count a video paused while hidden when the tab comes back', () => {
    const m = new PlaybackMeter()
    m.play(0)
    m.visibility(false, s(5))
    m.pause(s(6)) // the browser paused it in the background
    m.visibility(true, s(30))
    expect(m.counting).toBe(false)
    expect(m.take(s(40))).toBe(5)
  })

  it('starts hidden when the page opens in the background', () => {
    const m = new PlaybackMeter(false)
    m.play(0)
    expect(m.take(s(20))).toBe(0)
    m.visibility(true, s(20))
    expect(m.take(s(35))).toBe(15)
  })

  it('keeps the fraction of a second for the next heartbeat', () => {
    const m = new PlaybackMeter()
    m.play(0)
    expect(m.take(1500)).toBe(1)
    expect(m.take(3000)).toBe(2) // 0.5 + 1.5
  })

  it('reports at most one heartbeat maximum and keeps the rest; a failed report is given back', () => {
    const m = new PlaybackMeter()
    m.play(0)
    m.pause(s(200))
    expect(m.take(s(200))).toBe(MAX_BEAT_SECONDS)
    expect(m.take(s(200))).toBe(80)
    m.giveBack(15)
    expect(m.take(s(300))).toBe(15)
    expect(m.take(s(300))).toBe(0)
  })

  it('an ended video stops the count; playing twice does not count twice', () => {
    const m = new PlaybackMeter()
    m.play(0)
    m.play(s(5))
    m.pause(s(10)) // ended
    expect(m.take(s(30))).toBe(10)
  })
})

describe('progressPercent and clockText', () => {
  it.each([
    [0, 120, 0],
    [60, 120, 50],
    [119, 120, 99],
    [120, 120, 100],
    [10, 0, 0],
  ])('%i of %i seconds is %i%%', (watched, required, percent) => {
    expect(progressPercent(watched, required)).toBe(percent)
  })

  it('writes durations as a clock', () => {
    expect(clockText(65)).toBe('1:05')
    expect(clockText(3729)).toBe('1:02:09')
    expect(clockText(0)).toBe('0:00')
  })
})
