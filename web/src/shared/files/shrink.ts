// Photos are shrunk in the browser before upload: a phone photo of 4–12 MB becomes a JPEG of a few hundred KB, which
// matters on a weak network, and re-encoding drops the EXIF block (camera, time and GPS position) along the way.
import { FILE_TYPES, MAX_DOCUMENT_BYTES, MAX_FILE_BYTES, PDF_TYPE } from '../api/files'

export const MAX_SIDE = 1600
export const JPEG_QUALITY = 0.8

/** The size to draw at: within `max` on the longer side, proportions kept, never enlarged. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const longer = Math.max(width, height)
  if (longer <= max || longer === 0) return { width, height }
  const scale = max / longer
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

export type ShrinkProblem = 'unreadable' | 'too_large'

export class ShrinkError extends Error {
  constructor(readonly problem: ShrinkProblem) {
    super(problem)
    this.name = 'ShrinkError'
  }
}

interface Drawable {
  width: number
  height: number
  source: CanvasImageSource
  close(): void
}

async function decode(file: Blob): Promise<Drawable> {
  // createImageBitmap applies the EXIF orientation, so a portrait photo stays upright.
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
      return { width: bitmap.width, height: bitmap.height, source: bitmap, close: () => bitmap.close() }
    } catch {
      // fall back to an <img>, which some browsers decode when createImageBitmap does not
    }
  }
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    return { width: img.naturalWidth, height: img.naturalHeight, source: img, close: () => URL.revokeObjectURL(url) }
  } catch {
    URL.revokeObjectURL(url)
    throw new ShrinkError('unreadable')
  }
}

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
}

/**
 * The photo as a JPEG of at most MAX_SIDE px. A picture the browser cannot decode (e.g. HEIC outside Safari) is sent
 * as it is when the server takes its type; otherwise ShrinkError('unreadable').
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  let image: Drawable
  try {
    image = await decode(file)
  } catch {
    if ((FILE_TYPES as readonly string[]).includes(file.type) && file.size <= MAX_FILE_BYTES) return file
    throw new ShrinkError('unreadable')
  }
  try {
    const size = fitWithin(image.width, image.height)
    const canvas = document.createElement('canvas')
    canvas.width = size.width
    canvas.height = size.height
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new ShrinkError('unreadable')
    // JPEG has no transparency: a transparent PNG would turn black without a white ground.
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, size.width, size.height)
    ctx.drawImage(image.source, 0, 0, size.width, size.height)
    const jpeg = await toJpeg(canvas)
    if (!jpeg) throw new ShrinkError('unreadable')
    if (jpeg.size > MAX_FILE_BYTES) throw new ShrinkError('too_large')
    return jpeg
  } finally {
    image.close()
  }
}

/**
 * What to upload for a document field: a PDF as it is (ShrinkError('too_large') above the server's limit), a photo or
 * scan shrunk like any photo.
 */
export async function prepareDocument(file: Blob): Promise<Blob> {
  if (file.type === PDF_TYPE) {
    if (file.size > MAX_DOCUMENT_BYTES) throw new ShrinkError('too_large')
    return file
  }
  return shrinkPhoto(file)
}
