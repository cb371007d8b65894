/**
 * English for the fixed Chinese labels the API sends (server/resources/applications/timeline.ts,
 * server/domain/lifecycle.ts, server/domain/eligibility.ts). Anything else passes through as written.
 */
const EXACT: Record<string, string> = {
  基层工会推荐: 'Recommendation by your unit union',
  '区县级（产业）工会审查': 'Check by the district (industry) union',
  市总工会审核: 'Decision by the city union',
  通过: 'approved',
  不通过: 'not approved',
  退回修改: 'returned for changes',
  提交申请: 'Application submitted',
  撤回申请: 'Application withdrawn',
  '候补转为通过（R7）': 'Moved from the waiting list to approved (R7)',
  '名额已满，按提交时间候补': 'Places full: on the waiting list by submission time',
  '名额让给更早提交的申请，转为候补（R7）':
    'Place given to an earlier application: now on the waiting list (R7)',
  退学: 'Dropped out',
  上传毕业证明: 'Graduation record uploaded',
  毕业核验: 'Graduation checked',
  '超过三年未毕业，结果资助失效（R6）': 'Not graduated within three years: result subsidy lapsed (R6)',
  '申诉成立，重新审核': 'Appeal upheld: reviewed again',
  '候补截止，未获资助（R7）': 'The waiting list closed: not funded (R7)',
  学籍在线验证报告审核: 'Enrolment verification report checked',
  '市总工会同意补发过程资助（R2）': 'The city union allowed the process subsidy to be paid late (R2)',
  '等待工会审核学籍在线验证报告，审核通过后才能发放资助':
    'Your union is checking the enrolment verification report; the subsidy is paid once it is accepted',
  '请上传学籍在线验证报告，审核通过后才能发放资助':
    'Upload the enrolment verification report: the subsidy is paid once it is accepted',
  可以在以后的批次以同一学历层次重新申请: 'You may apply again at the same level in a later round',
  未获资助: 'Not funded',
  '工会核实不符合资助条件，资格取消，资金退回（R4）':
    'Your union found you not eligible at payout: the subsidy is withdrawn and the money returned (R4)',
  资格取消: 'Subsidy withdrawn',
  草稿: 'Draft',
  已提交: 'Submitted',
  基层已推荐: 'Recommended by the unit',
  区县已审查: 'Checked by the district',
  候补: 'Waiting list',
  已通过: 'Approved',
  已退回: 'Returned',
  未通过: 'Not approved',
  已撤回: 'Withdrawn',
  已发过程资助: 'Process subsidy paid',
  已毕业: 'Graduated',
  已完成: 'Completed',
  已退学: 'Dropped out',
  已失效: 'Lapsed',
  待发放: 'to be paid',
  已发放: 'paid',
  发放失败: 'payment failed',
  已取消: 'cancelled',
  申请人: 'You',
  昆明市总工会: 'Kunming Federation of Trade Unions',
  补齐材料后提交申请: 'Complete the documents, then submit',
  按审核意见修改后重新提交: 'Change it as the reviewer asks, then submit again',
  名额空出后按提交时间依次递补: 'When a place frees up, the waiting list moves up by submission time',
  毕业后上传学信网学历证书电子注册备案表: 'After graduating, upload the CHSI diploma registration record',
  如有异议可以申诉: 'You may appeal if you disagree',
  '申请表（单位工会盖章）': 'Application form (stamped by your unit union)',
  身份证: 'Resident ID card',
  入学通知书: 'Admission notice',
  缴费凭证: 'Tuition receipt',
  学籍在线验证报告: 'Online enrollment verification report',
  学历证书电子注册备案表: 'Diploma registration record',
  退学证明: 'Withdrawal proof',
};

export function serverTextEn(text: string): string {
  if (EXACT[text]) return EXACT[text];
  const money = /^(配套)?(过程|结果)资助 ([\d.,]+) 元$/.exec(text);
  if (money)
    return `${money[1] ? 'Matching ' : ''}${money[2] === '过程' ? 'process' : 'result'} subsidy CNY ${money[3]}`;
  const wait = /^等待发放(过程|结果)资助（([\d,]+) 元）$/.exec(text);
  if (wait) return `Waiting for the ${wait[1] === '过程' ? 'process' : 'result'} subsidy (CNY ${wait[2]})`;
  return text;
}
