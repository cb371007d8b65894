import { useEffect } from 'react';
import { GLOSSARY } from '../../../server/domain/glossary';
import { useI18n } from '../i18n';
import { api } from '../lib/api';
import { dateTime, yuan } from '../lib/format';
import { qrMatrix, qrSvgPath } from '../lib/qr';
import { Link } from '../lib/router';
import { useBasics } from '../lib/session';
import { roundOf, statusKey } from '../lib/status';
import { zhCN } from '../i18n/zh-CN';
import type { Application } from '../lib/types';
import { ErrorNotice, Loading, useLoad } from '../ui/kit';

/** Where the QR code leads: the application in the staff panel (admin/src, hash router). */
export const adminUrl = (id: number) => `${window.location.origin}/#/applications/${id}/show`;

/**
 * 申请表 (R12): an A4 sheet the worker prints (or saves as PDF), the unit union stamps and signs, and
 * the worker photographs back in. Always Chinese: it is an official paper of the union. The QR code
 * opens the application in the staff panel.
 */
export function FormPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { worker, orgs, unit, rounds, institutions } = useBasics();
  const { data: app, error } = useLoad(() => api.get<Application>(`/applications/${id}`), [id]);

  useEffect(() => {
    document.body.classList.add('printing-form');
    return () => document.body.classList.remove('printing-form');
  }, []);

  if (error)
    return (
      <main className="page">
        <ErrorNotice error={error} />
      </main>
    );
  if (!app)
    return (
      <main className="page">
        <Loading />
      </main>
    );
  const round = roundOf(rounds, app);
  const inst = institutions.find((i) => i.id === app.institutionId);
  const level2 = orgs.find((o) => o.id === worker.level2Id && o.id !== unit?.id);
  const qr = qrSvgPath(qrMatrix(adminUrl(app.id)));
  const yes = (b: boolean) => (b ? '是' : '否');
  const flags =
    [worker.isMigrant && '农民工', worker.isHardship && '困难职工', worker.isKeyIndustry && '重点产业/岗位']
      .filter(Boolean)
      .join('、') || '—';
  // Always Chinese, in the glossary's words: the same names as the portal and the panel.
  const LEVEL = GLOSSARY['zh-CN'].educationLevel;
  const MODE = GLOSSARY['zh-CN'].studyMode;

  return (
    <>
      <div className="print-toolbar no-print">
        <Link className="btn btn-secondary" to={`/applications/${app.id}`}>
          ‹ {t('nav.back')}
        </Link>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => window.print()}
          data-testid="do-print"
        >
          {t('form.print')}
        </button>
      </div>
      <p className="hint no-print form-help">{t('form.help')}</p>
      <article className="sheet" lang="zh-CN" data-testid="form-sheet">
        <header className="sheet-head">
          <div>
            <h1>昆明市职工学历提升资助申请表</h1>
            <p>
              {round?.name ?? ''}（依据昆工通〔2019〕25号） · 申请编号 {app.id}
            </p>
          </div>
          <figure className="sheet-qr">
            <svg
              viewBox={`0 0 ${qr.size} ${qr.size}`}
              role="img"
              aria-label={`QR ${adminUrl(app.id)}`}
              data-testid="qr"
              shapeRendering="crispEdges"
            >
              <rect width={qr.size} height={qr.size} fill="#fff" />
              <path d={qr.d} fill="#000" />
            </svg>
            <figcaption>工作人员扫码审核</figcaption>
          </figure>
        </header>

        <table className="sheet-table">
          <colgroup>
            <col className="col-th" />
            <col />
            <col className="col-th" />
            <col />
          </colgroup>
          <tbody>
            <tr>
              <th colSpan={4} className="sheet-section">
                一、申请人信息
              </th>
            </tr>
            <tr>
              <th>姓名</th>
              <td data-testid="form-name">{worker.name}</td>
              <th>性别</th>
              <td>{worker.gender === 'F' ? '女' : worker.gender === 'M' ? '男' : ''}</td>
            </tr>
            <tr>
              <th>身份证号</th>
              <td colSpan={3}>{worker.idNumberMasked}</td>
            </tr>
            <tr>
              <th>出生年份</th>
              <td>{worker.birthYear ?? ''}</td>
              <th>手机号码</th>
              <td>{worker.phone}</td>
            </tr>
            <tr>
              <th>工作单位</th>
              <td colSpan={3}>{unit?.unitName ?? ''}</td>
            </tr>
            <tr>
              <th>基层工会</th>
              <td colSpan={3}>{unit?.name ?? ''}</td>
            </tr>
            <tr>
              <th>上级工会</th>
              <td colSpan={3}>{level2?.name ?? '市总工会直属'}</td>
            </tr>
            <tr>
              <th>岗位</th>
              <td>{worker.jobTitle}</td>
              <th>优先情形</th>
              <td>{flags}</td>
            </tr>
            <tr>
              <th>工会会员</th>
              <td>{yes(worker.isUnionMember)}</td>
              <th>一线职工</th>
              <td>{yes(worker.isFrontline)}</td>
            </tr>
            <tr>
              <th colSpan={4} className="sheet-section">
                二、报读信息
              </th>
            </tr>
            <tr>
              <th>就读院校</th>
              <td colSpan={3}>{inst?.name ?? ''}</td>
            </tr>
            <tr>
              <th>学历层次</th>
              <td>{app.educationLevel ? LEVEL[app.educationLevel] : ''}</td>
              <th>学习形式</th>
              <td>{app.studyMode ? MODE[app.studyMode] : ''}</td>
            </tr>
            <tr>
              <th>所学专业</th>
              <td>{app.major ?? ''}</td>
              <th>入学日期</th>
              <td>{app.enrolledOn ?? ''}</td>
            </tr>
            <tr>
              <th>录取/学号</th>
              <td colSpan={3}>{app.admissionNo ?? ''}</td>
            </tr>
            <tr>
              <th colSpan={4} className="sheet-section">
                三、申请资助
              </th>
            </tr>
            <tr>
              <td colSpan={4}>
                过程资助 {round ? yuan(round.processAmountFen, 'zh-CN') : ''}（入学第一年内发放）；结果资助{' '}
                {round ? yuan(round.resultAmountFen, 'zh-CN') : ''}（{round?.graduationDeadline ?? ''}{' '}
                前取得毕业证书、经市总工会查验后发放）。资助发放至本人工惠卡或银行卡：
                {worker.benefitCardMasked ?? worker.bankCardMasked ?? '（未登记，请在“个人信息”中填写）'}
              </td>
            </tr>
            <tr>
              <td colSpan={4} className="sheet-pledge">
                本人承诺：以上信息真实，所学专业符合单位工作和发展需要；每个学历层次只申领一次资助；中途退学的，
                已领取的过程资助由院校退回。
                <span className="sign-line">
                  申请人签名：
                  <span className="blank" /> 日期：
                  <span className="blank short" />
                </span>
              </td>
            </tr>
            <tr>
              <th colSpan={4} className="sheet-section">
                四、审核意见
              </th>
            </tr>
            <tr>
              <td colSpan={4} className="sheet-stamp-row">
                <div className="stamp-opinion">
                  <p>
                    <strong>单位工会（基层工会）推荐意见：</strong>
                  </p>
                  <p>□ 同意推荐　□ 不同意推荐</p>
                  <p className="sign-line">
                    负责人签名：
                    <span className="blank" />
                  </p>
                  <p className="sign-line">
                    日期：
                    <span className="blank short" />
                  </p>
                </div>
                <div className="stamp-box">（单位工会盖章）</div>
              </td>
            </tr>
            <tr>
              <td colSpan={4} className="sheet-online">
                区县级（产业）工会审查、市总工会审核在线完成，结果可在“职工服务”中查看。
              </td>
            </tr>
          </tbody>
        </table>
        <footer className="sheet-foot">
          打印时间：{dateTime(new Date().toISOString())} · 当前状态：{zhCN[statusKey(app.status)]} ·{' '}
          {adminUrl(app.id)}
        </footer>
      </article>
    </>
  );
}
