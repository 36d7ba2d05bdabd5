// 附件上传（PDF 或图片）的中文文本，各模块的表单共用。
export default {
  files: {
    attach: {
      pick: '上传文件', replace: '更换', remove: '移除', hint: 'PDF（不超过 20 MB）或图片', uploading: '正在上传…',
      attached: '已上传', current: '已有文件', tooLarge: '文件过大：PDF 不超过 20 MB', unreadable: '无法读取该文件，只接受 PDF 和图片',
      failed: '上传失败：{message}',
    },
  },
}
