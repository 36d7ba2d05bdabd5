// 监督激励的中文文本。
export default {
  oversight: {
    common: { stateLabel: '状态', search: '查询', refresh: '刷新', export: '导出 Excel', q: '姓名或标题' },
    state: { submitted: '待初审', investigating: '调查核实', declined: '不予受理', decided: '已集体研究', notified: '已反馈结果', closed: '已办结' },
    kind: { application: '容错申请', advance_filing: '容错报备' },
    applicant: { self: '本人申请', unit: '单位申请' },
    outcome: { tolerated: '予以容错', not_tolerated: '不予容错' },
    distinction: {
      inexperience: '缺乏经验、先行先试中出现的失误',
      experiment: '上级尚无明确限制的探索性试验中的失误',
      public_interest: '为推动发展的无意过失（未谋取私利）',
    },
    history: {
      submitted: '提交申请', accepted: '初审受理', declined: '不予受理', noted: '调查核实', decided: '集体研究',
      notified: '反馈结果', correction_added: '制定纠错措施', correction_done: '纠错措施完成', closed: '办结', published: '公开为案例',
    },
    policyCategory: { core: '“1”主文件', promotion: '选拔任用', tolerance: '容错纠错', care: '关心关爱', reward: '表彰奖励', other: '其他' },
    field: {
      person: '干部', unit: '单位', title: '标题', facts: '事实经过', decision_taken: '所作决策或采取的措施', basis: '决策依据',
      loss: '造成或可能造成的损失', remedy: '补救措施', case_kind: '类型',
    },
    placeholder: {
      facts: '时间、地点、起因和经过', decision_taken: '作出了什么决策、采取了什么措施', basis: '依据的政策文件、会议纪要、请示批复等',
      loss: '损失或风险的情况', remedy: '已采取或拟采取的补救措施',
    },
    cases: {
      intro: '容错纠错坚持“三个区分开来”：申请受理后 1 个工作日内完成初审（逢周末顺延），经调查核实、集体研究作出认定，结果反馈本人，并跟踪纠错整改。',
      tabCases: '案件办理', tabLibrary: '案例库', overdueOnly: '只看初审超期', warnings: '初审超期 {reviews} 件，纠错整改逾期 {corrections} 项',
      applyFor: '代为申请', submittedAt: '提交时间', reviewDue: '初审期限', overdue: '超期', empty: '暂无案件', total: '共 {n} 件',
      open: '办理', exported: '已导出', loadFailed: '加载失败：{message}',
    },
    drawer: {
      title: '容错纠错案件', application: '申请内容', review: '初审', accept: '受理', decline: '不予受理', reviewNote: '初审意见',
      declineReason: '不予受理的理由', note: '调查核实情况', addNote: '记录调查情况', decide: '集体研究认定', outcome: '认定结果',
      votes: '表决', for: '赞成', against: '反对', abstain: '弃权', distinctions: '对照“三个区分开来”', reasons: '认定理由',
      notify: '反馈结果', resultNote: '反馈意见（申请人可见）', corrections: '纠错整改', addCorrection: '添加整改事项',
      correctionContent: '整改事项', dueDate: '完成期限', done: '完成', doneNote: '完成情况', close: '办结', publish: '公开为案例',
      draftHint: '已自动将姓名、单位名称、身份证号、手机号替换，请核对后发布。服务器会拒绝仍含可识别信息的文本。',
      leftover: '仍含可识别信息：{items}', history: '办理过程', conflict: '案件已被他人处理，已刷新', saved: '已保存',
      published: '已公开为案例', votesLine: '赞成 {for} · 反对 {against} · 弃权 {abstain}', submit: '确定', cancel: '取消',
    },
    library: { q: '搜索案例标题或正文', empty: '暂无公开案例', publishedOn: '公开日期' },
    apply: { title: '代为申请容错', person: '选择干部', submit: '提交申请', submitted: '已提交' },
    inspections: {
      intro: '专项督查：确定主题和范围，逐单位（人员）记录发现的问题，明确整改要求和期限并跟踪督办。',
      add: '新建督查', topic: '督查主题', description: '督查内容', start: '开始日期', end: '结束日期', scope: '督查范围',
      findings: '发现问题', open: '整改中', overdue: '逾期', rectified: '已整改', addFinding: '记录问题', content: '问题',
      requirement: '整改要求', dueDate: '整改期限', followUp: '跟踪督办', rectifiedNow: '已整改完成', note: '督办情况',
      empty: '暂无督查', person: '责任人（可选）', unit: '单位',
    },
    accountability: {
      intro: '问责记录依据《中国共产党问责条例》的问责方式登记，系统按方式计算影响期；信访澄清经本人同意后可在其纪实中展示。',
      tabAccountability: '问责记录', tabClarifications: '信访澄清', add: '登记问责', form: '问责方式', reason: '问责事由',
      documentNo: '决定文号', document: '决定文书', decidedOn: '决定日期', effectiveFrom: '生效日期', promotionUntil: '不得提拔至',
      evaluationYear: '年度考核不得评优', inEffect: '影响期内', notInEffect: '影响期满', noPeriod: '无固定期限', formHint: '{months} 个月内不得提拔',
      addClarification: '登记澄清', complaint: '反映问题', finding: '核查结论', clarifiedOn: '澄清日期', scope: '澄清范围',
      shown: '本人同意展示', notShown: '本人未同意展示', q: '按姓名搜索', empty: '暂无记录', tabPeriods: '影响期限',
    },
    periods: {
      intro: '各问责方式的影响期依据现行规定设置，规定修订时由组织部调整；调整只影响此后登记的问责，已登记的记录保留原期限。',
      group: '类别', form: '问责方式', months: '不得提拔（月）', barsExcellent: '当年考核不得评优', basis: '依据', updatedAt: '调整时间',
      asShipped: '默认', edit: '调整', title: '调整影响期限：{form}', yes: '是', no: '否', saved: '已保存', none: '无固定期限',
    },
    policies: {
      intro: '“1+X”激励政策文件：1 个主文件加若干配套文件。所有人可查阅，监督激励管理员维护。',
      add: '新增文件', edit: '编辑', title: '文件标题', category: '类别', issuer: '发文机关', docNumber: '文号',
      effectiveFrom: '生效日期', effectiveTo: '失效日期', body: '正文', onDate: '在该日有效', q: '搜索标题、正文、文号', empty: '暂无文件',
      inForce: '有效', expired: '已失效', attachment: '扫描件', view: '查看', file: '文件',
    },
    mine: {
      title: '容错纠错', tabCases: '我的申请', tabPolicies: '政策文件', tabLibrary: '典型案例', apply: '申请容错',
      empty: '还没有申请', noPerson: '账号未关联人员信息', submitted: '已提交，1 个工作日内初审', result: '认定结果',
      waiting: '结果将在集体研究后反馈', reviewDue: '初审期限 {date}', corrections: '纠错整改措施', retry: '重试',
      kindHint: '容错报备：在作出有风险的决策前报备', required: '请填写', send: '提交',
    },
  },
}
