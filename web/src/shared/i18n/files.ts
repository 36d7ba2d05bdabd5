// The texts of attaching a document to a record (AttachFile), added with the first form that uses it (DESIGN §6).
import { addMessages } from './index'
import enFiles from './en.files'
import zhCNFiles from './zh-CN.files'

addMessages({ 'zh-CN': zhCNFiles, en: enFiles })

export { enFiles, zhCNFiles }
