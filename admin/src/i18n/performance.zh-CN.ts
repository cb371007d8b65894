/** The home page and the performance view (`app.dashboard.*`, `app.performance.*`). */
export const dashboardZhCN = {
  greeting: '%{name}，您好',
  role: '当前身份：%{role}',
  intro: '请从左侧菜单进入各项工作。',
  must_change_password: '您的密码由他人设置，请先修改密码。',
  change_password_now: '立即修改',
  work: '待办工作',
  figures: '%{round} 概况',
  integrity_ok: '资金一致性检查通过（§5 全部规则）',
  integrity_problems: '资金一致性检查发现 %{smart_count} 个问题',
  piles: {
    review_overdue: '超过 7 天未审核', review: '待我审核', appeals_overdue: '申诉逾期未答复', appeals_open: '待答复申诉',
    allocations_to_transfer: '待拨付', graduations_to_verify: '待核验毕业', refunds_to_receive: '待院校退款',
    refunds_to_confirm: '退款待确认', returns_to_confirm: '资金返还待确认', allocations_to_receive: '拨付待确认到账',
    payments_to_make: '待发放', payments_failed: '发放失败待处理', students: '在读学员', waitlisted: '候补中',
    outstanding_documents: '缺学籍验证报告', lapsing: '90 天内将失效', returned: '已退回待职工修改',
  },
  hints: {
    review_overdue: '最早的排在最前', review: '按提交时间排列', appeals_overdue: '已过 15 天答复期限', appeals_open: '15 天内须答复',
    allocations_to_transfer: '已创建、尚未拨付', graduations_to_verify: '已上报毕业、待市总核验', refunds_to_receive: '退学职工的过程资助',
    refunds_to_confirm: '已到账、待确认入账', returns_to_confirm: '二级工会已报送', allocations_to_receive: '市总已拨付',
    payments_to_make: '本单位负责发放', payments_failed: '核对卡号后重新发放', students: '可登记退学或毕业',
    waitlisted: '名额空出后依次递补', outstanding_documents: '可在申请期后补交', lapsing: '三年内未毕业将不发结果资助',
    returned: '等待职工修改后重新提交',
  },
};

export const performanceZhCN = {
  menu: '绩效统计',
  title: '绩效统计',
  all_rounds: '全部批次',
  scope_city: '范围：全市',
  scope_union: '范围：本工会',
  empty: '暂无数据',
  sections: {
    funnel: '申请漏斗', unions: '各工会名额使用与审核', institutions: '各院校退学率与完成率', turnaround: '各级审核用时（中位数）',
    money: '资金情况', priority: '优先群体占比（R10）', ranking: '工会排名（按完成率）',
  },
  funnel: { submitted: '已提交', unitApproved: '基层推荐', approved: '审核通过', processPaid: '已发过程资助', graduated: '已毕业', completed: '已发结果资助' },
  money: {
    budgetedFen: '预算', allocatedFen: '已拨付', receivedFen: '已到账', paidFen: '已发放', pendingFen: '待发放',
    refundedFen: '已退款', returnedFen: '已返还', heldFen: '结存', matchingPaidFen: '配套资助已发放',
  },
  priority: { frontline: '一线职工', migrant: '农民工', hardship: '困难职工', keyIndustry: '重点行业岗位' },
  step: '环节', count: '人数', of_previous: '占上一环节', of_submitted: '占提交数', places: '名额', rejected: '未通过',
  waitlisted: '候补', quota_use: '名额使用率', approval_rate: '通过率', dropout_rate: '退学率', completion_rate: '完成率',
  dropped_out: '退学', level: '审核层级', reviews: '审核件数', median_days: '用时中位数', days: '%{n} 天', item: '项目',
  amount: '金额', group: '群体', share: '占比', rank: '名次', overdue_appeals: '逾期申诉',
  day_unit: ' 天',
  union_level2: '二级工会', union_grassroots: '基层工会',
};
