// 账号管理 and 角色权限 texts, added when a module of those pages is loaded (it imports this file for its effect).
import { addMessages } from './index'
import zhCNAccounts from './zh-CN.accounts'
import enAccounts from './en.accounts'

addMessages({ 'zh-CN': zhCNAccounts, en: enAccounts })
