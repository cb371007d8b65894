/** The panel's work screens (`app.*`): review, documents, quotas, money, appeals, exports. */
export const workZhCN = {
  actions: '操作',
  action: { done: '已完成' },
  review: {
    approve: '通过', return: '退回', reject: '不通过',
    approve_title: '通过申请 #%{id}', return_title: '退回申请 #%{id}', reject_title: '不通过申请 #%{id}',
    comment: '审核意见（可选）', comment_required: '审核意见（必填，申请人会看到）',
    done: '已审核，申请状态：%{status}',
    waiting_for_you: '此申请正等待您审核（%{step}），请查看材料后作出决定。',
  },
  bulk: {
    approve: '批量通过', approve_title: '通过选中的 %{smart_count} 份申请',
    results_title: '批量审核结果', summary: '成功 %{succeeded} 份，未成功 %{failed} 份', outcome: '结果',
  },
  documents: {
    preview: '预览', open: '在新窗口打开', upload: '上传材料', uploaded: '材料已上传', choose: '选择文件',
    formats: '支持 PDF、JPEG、PNG，每个文件不超过 10 MB', too_big: '文件超过 10 MB', none: '暂无材料',
    unavailable: '文件无法显示（可能已不在服务器上），请在新窗口打开或联系管理员。',
  },
  timeline: {
    title: '办理进度', current: '当前：%{label}（%{holder}），自 %{since} 起', next: '下一步：%{next}', missing: '尚缺材料：',
  },
  others: { title: '该职工的其他申请', none: '没有其他申请' },
  dropout: {
    button: '登记退学', title: '登记申请 #%{id} 的职工退学', done: '已登记退学',
    warning: '登记后：未发放的资助将取消；已发放的过程资助转为待院校退款；名额按提交时间递补给候补申请（R5、R7）。',
  },
  verify: {
    button: '毕业核验', title: '核验申请 #%{id} 的毕业（%{date}）', approve: '核验通过', reject: '核验不通过', done: '毕业核验已记录',
  },
  graduate: {
    button: '上报毕业', title: '上报申请 #%{id} 的毕业', done: '毕业已上报，等待市总工会核验',
    hint: '请上传学信网《教育部学历证书电子注册备案表》，并填写毕业日期（须在入学后三年内，R6）。',
  },
  filters: { within_days: '%{days} 天内' },
  org_tree: {
    pick: '按工会筛选', search: '搜索工会名称', tree: '树形视图', table: '表格视图', children: '下级 %{smart_count} 个',
    dues_unpaid: '未缴会费',
  },
  export: { xlsx: '导出 Excel（.xlsx）', csv: '导出 CSV', done: '已导出 %{smart_count} 条记录' },
  quotas: {
    use: '名额使用', bar: '已用 %{used} / 名额 %{places}，剩余 %{free}，候补 %{waitlisted}',
    adjust: '调整名额', adjust_title: '调整名额（R7）', delta: '增减名额数', delta_hint: '正数为增加，负数为减少',
    reason: '调整原因', below_used: '调整后不能少于已用名额 %{used}',
    preview: '名额将由 %{before} 调整为 %{after}，候补申请中将有 %{smart_count} 份按提交时间依次转为通过。',
    adjusted: '名额已调整为 %{places}，%{smart_count} 份候补申请转为通过',
    waitlist: '候补名单', position: '顺位', no_waitlist: '没有候补申请', more: '另有 %{smart_count} 份候补未列出',
  },
  allocations: {
    create: '创建拨付', create_title: '创建拨付（R3）', created: '拨付已创建，待拨付',
    pick: '请选择批次、二级工会和资助阶段，系统将列出可拨付的申请。',
    preview: '将覆盖 %{smart_count} 份待拨付的申请，合计 %{amount}。',
    nothing_due: '该工会在此批次和阶段没有待拨付的申请。',
    create_confirm: '确认创建拨付：%{smart_count} 人，合计 %{amount}。',
    transfer: '拨付', transfer_title: '拨付 #%{id}', transfer_confirm: '确认已向该工会拨付 %{amount}（%{smart_count} 人）？',
    transferred: '已拨付',
    receive: '确认到账', receive_title: '确认拨付 #%{id} 到账', receive_confirm: '确认 %{amount}（%{smart_count} 人）已到账？确认后将生成待发放记录。',
    received: '已确认到账，生成 %{smart_count} 笔待发放',
  },
  payments: {
    pay: '登记已发放', pay_title: '登记发放 #%{id}', pay_confirm: '确认已向职工发放 %{amount}？', pay_done: '已登记为已发放',
    fail: '登记失败', fail_title: '登记发放失败 #%{id}', fail_confirm: '确认 %{amount} 发放失败？', fail_done: '已登记为发放失败',
    reissue: '重新发放', reissue_title: '重新发放 #%{id}', reissue_confirm: '将重新生成一笔 %{amount} 的待发放记录。', reissue_done: '已生成新的待发放记录',
    reference: '银行流水号或凭证号', reason: '失败原因', note: '说明', card_unchanged: '职工卡号未更正，确认无误后重发（须说明原因）',
  },
  bank: {
    export: '导出代发明细', download: '下载', all: '全部',
    export_hint: '导出本单位待发放的记录（含完整卡号），导出操作将记入日志，请妥善保管文件。',
    import: '导入银行回盘', import_hint: '上传银行返回的回盘文件：全部行无误才会生效，有误的行会逐一列出。',
    imported: '回盘已导入：发放成功 %{paid} 笔，失败 %{failed} 笔，未变 %{unchanged} 笔',
  },
  refunds: {
    receive: '登记到账', receive_title: '登记退款 #%{id} 到账', receive_confirm: '确认收到院校退回的 %{amount}？',
    amount_fixed: '退款金额即已发放的过程资助金额，不能修改', received: '退款已登记到账',
    confirm: '确认退款', confirm_title: '确认退款 #%{id}', confirm_confirm: '确认 %{amount} 已回到市总工会账户？', confirmed: '退款已确认',
  },
  fund_returns: {
    create_title: '填报资金返还（R4）', file: '报送', filed: '资金返还已报送',
    file_confirm: '确认向市总工会返还 %{amount}（%{smart_count} 人）并报送返还情况报告？',
    items_hint: '按职工姓名或申请编号搜索：已拨付但不予发放的申请',
    report_hint: '说明每位职工不予发放的原因（返还情况报告，至少 10 个字）',
    confirm: '确认收到', confirm_title: '确认资金返还 #%{id}', confirm_confirm: '确认已收到返还的 %{amount}？', confirmed: '资金返还已确认',
  },
  balances: { city_total: '市总工会合计' },
  agency: { both: '过程资助和结果资助' },
  matching: { no_result: '“全部作为过程资助”时结果资助配套金额应为 0', no_process: '“全部作为结果资助”时过程资助配套金额应为 0' },
  appeals: {
    respond: '答复', respond_title: '答复申诉 #%{id}', uphold: '申诉成立',
    uphold_hint: '申诉成立后，未通过的申请将回到作出决定的审核环节重新审核。',
    answered: '已答复', upheld: '已答复，申诉成立', close: '关闭', close_title: '关闭申诉 #%{id}',
    close_confirm: '确认已告知申请人、此申诉不再处理？', closed: '申诉已关闭', overdue: '已超过答复期限（%{date}）',
  },
  users: {
    reset_password: '重置密码', reset_title: '重置 %{username} 的密码', password_reset: '密码已重置',
    reset_hint: '设置一个初始密码告知本人；对方下次登录时须修改。',
  },
  reveal: { button: '查看完整%{field}', audited: '此次查看已记入操作日志。' },
};
