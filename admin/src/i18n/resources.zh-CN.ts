/** Resource names and field labels (react-admin reads `resources.<name>.fields.<source>`). */
const common = { id: '编号', createdAt: '创建时间', q: '搜索', roundId: '批次', organizationId: '工会' };
const money = { amountFen: '金额', stage: '资助阶段', status: '状态' };

export const resourcesZhCN = {
  organizations: {
    name: '组织',
    fields: {
      ...common, name: '名称', kind: '类型', level: '层级', parentId: '上级组织', path: '层级路径',
      level2Id: '所属二级工会', code: '编码', unitName: '所在单位', duesPaid: '已缴会费', contactPhone: '联系电话',
      organizationId: '组织',
    },
  },
  users: {
    name: '账号',
    fields: {
      ...common, username: '用户名', displayName: '姓名', password: '初始密码', role: '角色',
      organizationId: '所属组织', institutionId: '所属院校', workerId: '关联职工', active: '启用',
      mustChangePassword: '须修改密码', failedLogins: '连续登录失败次数', lockedUntil: '锁定至', lastLoginAt: '最近登录',
    },
  },
  workers: {
    name: '职工',
    fields: {
      ...common, name: '姓名', idNumber: '身份证号码', idNumberMasked: '身份证号码', gender: '性别',
      birthDate: '出生日期', phone: '手机号码', organizationId: '基层工会', level2Id: '二级工会', jobTitle: '岗位职务',
      isUnionMember: '工会会员', isFrontline: '一线职工', isMigrant: '农民工', isHardship: '困难职工',
      isKeyIndustry: '重点行业岗位', flags: '优先情形', bankName: '开户银行', bankCard: '银行卡号',
      bankCardMasked: '银行卡号', benefitCard: '工惠卡号', benefitCardMasked: '工惠卡号', applications: '申请记录',
    },
  },
  institutions: {
    name: '院校',
    fields: { ...common, name: '院校名称', code: '编码', reductionPolicy: '学费减免政策', contact: '联系方式', active: '合作中' },
  },
  rounds: {
    name: '批次',
    fields: {
      ...common, name: '批次名称', intakeTerm: '入学批次', opensOn: '申请开始日期', closesOn: '申请截止日期',
      processAmountFen: '过程资助金额', resultAmountFen: '结果资助金额', plannedPlaces: '计划名额',
      graduationDeadline: '毕业截止日期',
    },
  },
  quotas: {
    name: '名额',
    fields: {
      ...common, organizationId: '二级工会', places: '名额', used: '已用', waitlisted: '候补', free: '剩余',
    },
  },
  applications: {
    name: '申请',
    fields: {
      ...common, workerId: '职工', organizationId: '基层工会', level2Id: '二级工会', institutionId: '院校',
      educationLevel: '学历层次', major: '专业', studyMode: '学习形式', enrolledOn: '入学日期', admissionNo: '录取编号',
      status: '状态', currentStep: '待审环节', submittedAt: '提交时间', decidedAt: '决定时间', graduatedOn: '毕业日期',
      graduationDocumentId: '学历备案表', graduationVerifiedAt: '毕业核验时间', droppedOutOn: '退学日期',
      dropoutReason: '退学原因', updatedAt: '更新时间', waitingStep: '待审环节', outstandingDocuments: '缺学籍验证报告',
      lapsingWithinDays: '即将失效（天内）', isFrontline: '一线职工', isMigrant: '农民工', isHardship: '困难职工',
      isKeyIndustry: '重点行业岗位', submittedAt_gte: '提交时间起', submittedAt_lte: '提交时间止',
      reviews: '审核记录', documents: '材料', payments: '发放记录',
    },
  },
  reviews: {
    name: '审核记录',
    fields: {
      ...common, applicationId: '申请', step: '审核环节', organizationId: '审核单位', userId: '审核人',
      decision: '审核意见', resultStatus: '审核后状态', comment: '说明',
    },
  },
  documents: {
    name: '材料',
    fields: {
      ...common, applicationId: '申请', kind: '材料类型', fileName: '文件名', mimeType: '文件格式', size: '大小',
      sha256: '校验值（SHA-256）', uploadedBy: '上传人', createdAt: '上传时间',
    },
  },
  allocations: {
    name: '拨付',
    fields: {
      ...common, ...money, organizationId: '二级工会', applicationCount: '覆盖人数', createdBy: '创建人',
      transferredAt: '拨付时间', receivedAt: '到账时间',
    },
  },
  payments: {
    name: '发放',
    fields: {
      ...common, ...money, applicationId: '申请', allocationId: '拨付', organizationId: '发放工会', source: '资金来源',
      channel: '发放方式', payerOrganizationId: '付款单位', reference: '支付凭证号', failureReason: '失败原因',
      reissueOf: '补发自', paidAt: '发放时间', q: '搜索凭证号',
    },
  },
  refunds: {
    name: '退学退款',
    fields: {
      ...common, ...money, applicationId: '申请', paymentId: '原发放', institutionId: '院校', reference: '退款凭证号',
      receivedAt: '收到时间', confirmedAt: '确认时间',
    },
  },
  'fund-returns': {
    name: '资金返还',
    fields: { ...common, ...money, organizationId: '二级工会', report: '返还情况报告', confirmedAt: '确认时间', items: '返还的申请', applicationIds: '返还的申请' },
  },
  balances: {
    name: '资金结存',
    fields: {
      ...common, ...money, organizationId: '二级工会', budgetedFen: '预算', allocatedFen: '已拨付', transferredFen: '已划转',
      receivedFen: '已到账', paidFen: '已发放', pendingFen: '待发放', failedFen: '发放失败', refundedFen: '已退款',
      returnedFen: '已返还', heldFen: '结存', refundsOutstandingFen: '待退款', returnsOutstandingFen: '返还待确认',
      matchingPaidFen: '配套已发放', matchingPendingFen: '配套待发放',
    },
  },
  'matching-policies': {
    name: '配套资助',
    fields: {
      ...common, organizationId: '二级工会', mode: '配套方式', processAmountFen: '过程资助配套金额',
      resultAmountFen: '结果资助配套金额', note: '说明',
    },
  },
  'agency-agreements': {
    name: '代发协议',
    fields: {
      ...common, organizationId: '委托工会', agentOrganizationId: '代发单位', agreementNo: '协议编号',
      startsOn: '生效日期', endsOn: '截止日期', stages: '代发阶段', active: '有效',
    },
  },
  appeals: {
    name: '申诉',
    fields: {
      ...common, applicationId: '申请', subject: '申诉事项', organizationId: '受理工会', reviewStep: '针对审核环节',
      content: '申诉内容', response: '答复', status: '状态', dueOn: '答复期限', respondedAt: '答复时间', closedAt: '关闭时间', overdue: '逾期未答复',
    },
  },
  'audit-log': {
    name: '操作日志',
    fields: {
      ...common, at: '时间', userId: '操作人', role: '角色', organizationId: '所属组织', action: '操作', resource: '对象',
      recordId: '记录编号', before: '操作前', after: '操作后', ip: 'IP 地址', requestId: '请求编号',
      prevHash: '前一条哈希', hash: '哈希',
    },
  },
};
