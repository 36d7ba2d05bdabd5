// English texts of attaching a document (a PDF or a picture), shared by the modules' forms.
export default {
  files: {
    attach: {
      pick: 'Upload a file', replace: 'Replace', remove: 'Remove', hint: 'PDF (up to 20 MB) or an image', uploading: 'Uploading…',
      attached: 'Uploaded', current: 'File on record', tooLarge: 'The file is too large: PDFs up to 20 MB', unreadable: 'Cannot read this file: PDFs and images only',
      failed: 'Upload failed: {message}',
    },
  },
}
