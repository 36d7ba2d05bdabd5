// Uploaded files (photos as evidence, documents as PDF). The server keeps the bytes; a file is readable by its uploader and by managers
// whose data scope covers the uploader.
import { API_BASE, post } from './client'

export interface StoredFile {
  id: number
  content_type: string
  size: number
}

/** The photo types the server takes. */
export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
/** The server's limit per photo. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024
/** Documents (a decision, a policy text, a scanned form) may also be PDF, sent as they are, up to this size. */
export const PDF_TYPE = 'application/pdf'
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

/** Sends the image or PDF as the raw body (its type as Content-Type); photos on a weak network take their time. */
export const uploadFile = (image: Blob) => post<StoredFile>('/files', image, { silent: true, timeoutMs: 120_000 })

/** Where an <img> reads a stored file (the session cookie goes along). */
export const fileUrl = (id: number) => `${API_BASE}/files/${encodeURIComponent(String(id))}`
