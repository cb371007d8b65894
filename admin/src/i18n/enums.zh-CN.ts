/** Labels of the coded values the API returns (`enums.<kind>.<value>`). */
export const enumsZhCN = {
  applicationStatus: {
    draft: '草稿', submitted: '已提交', unit_approved: '基层已推荐', org_approved: '区县已审查', waitlisted: '候补',
    approved: '已通过', returned: '已退回', rejected: '未通过', withdrawn: '已撤回', process_paid: '已发过程资助',
    graduated: '已毕业', completed: '已完成', dropped_out: '已退学', lapsed: '已失效',
  },
  paymentStatus: { pending: '待发放', paid: '已发放', failed: '发放失败', cancelled: '已取消' },
  allocationStatus: { created: '待拨付', transferred: '已拨付', received: '已到账' },
  refundStatus: { expected: '待退回', received: '已收到', confirmed: '已确认' },
  fundReturnStatus: { filed: '已报送', confirmed: '已确认' },
  appealStatus: { open: '待处理', answered: '已答复', upheld: '申诉成立', closed: '已关闭' },
  appealSubject: { review: '审核结果', payment: '发放结果' },
  stage: { process: '过程资助', result: '结果资助' },
  paymentSource: { city: '市总资助', matching: '配套资助' },
  paymentChannel: { direct: '工会直接发放', agency: '职工学校代发' },
  orgKind: {
    city: '市总工会', district: '县（市、区）总工会', dev_zone: '开发区工会', industry: '产业工会',
    federation: '工会联合会', grassroots: '基层工会', direct: '市总直属基层工会',
  },
  orgLevel: { 1: '一级（市总）', 2: '二级', 3: '基层' },
  role: {
    city_admin: '市总工会管理员', org_admin: '二级工会管理员', unit_admin: '基层工会管理员',
    agent: '职工学校（代发）', institution: '院校', worker: '职工',
  },
  educationLevel: { associate: '大专', bachelor: '本科' },
  studyMode: { part_time: '业余', distance: '远程教育', full_time: '全日制', self_study: '自学考试' },
  documentKind: {
    application_form: '申请表（盖章）', id_card: '身份证', admission_notice: '录取通知书', tuition_receipt: '学费票据',
    enrollment_report: '学籍在线验证报告', graduation_record: '学历证书电子注册备案表', withdrawal_proof: '退学证明',
  },
  decision: { approve: '通过', reject: '不通过', return: '退回修改' },
  reviewStep: { 1: '基层工会推荐', 2: '二级工会审查', 3: '市总工会审定' },
  matchingMode: { two_stage: '分两阶段发放', process_only: '全部作为过程资助', result_only: '全部作为结果资助' },
  gender: { M: '男', F: '女' },
};
