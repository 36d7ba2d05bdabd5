// 人员导入 texts, added when a module of the import wizard is loaded (it imports this file for its effect).
import { addMessages } from './index'
import zhCNImport from './zh-CN.import'
import enImport from './en.import'

addMessages({ 'zh-CN': zhCNImport, en: enImport })
