/**
 * R14: the timeline as codes (what the API sends) and as words (what the panel and the portal show).
 * Who acted is a role and, where there is one, an organisation by id and name; amounts are fen.
 */
import { fill, GLOSSARY, portalMoney, panelMoney, type Lang } from './glossary';
import type { Status } from './lifecycle';

export type ActorRole = 'applicant' | 'system' | 'city' | 'union' | 'institution' | 'school';
export interface TimelineActor {
  role: ActorRole;
  /** The organisation (or the institution) that acted, when there is one. */
  id?: number;
  name?: string;
  /** The clerk, shown to staff only. */
  clerk?: string;
}
export type TimelineEvent = keyof (typeof GLOSSARY)['zh-CN']['event'];
export interface TimelineEntry {
  at: string;
  event: TimelineEvent;
  by: TimelineActor;
  step?: 1 | 2 | 3;
  decision?: 'approve' | 'reject' | 'return';
  comment?: string;
  status?: Status;
  payment?: {
    stage: 'process' | 'result';
    source: 'city' | 'matching';
    amountFen: number;
    status: 'pending' | 'paid' | 'failed' | 'cancelled';
  };
}
export type NextCode = keyof (typeof GLOSSARY)['zh-CN']['next'];
export interface TimelineNext {
  code: NextCode;
  stage?: 'process' | 'result';
  amountFen?: number;
}
export interface Timeline {
  applicationId: number;
  status: Status;
  entries: TimelineEntry[];
  current: { step: 1 | 2 | 3; holder: TimelineActor; since: string } | null;
  next: TimelineNext | null;
  /** Document kinds still missing. */
  missing: string[];
}

type Surface = 'panel' | 'portal';
const money = (surface: Surface, lang: Lang, fen: number) =>
  surface === 'panel' ? panelMoney(fen) : portalMoney(fen, lang);

/** Who, in words: the organisation's name when there is one (and the clerk for staff), else the role. */
export function actorText(lang: Lang, a: TimelineActor): string {
  const name = a.name || GLOSSARY[lang].actor[a.role];
  return a.clerk ? `${name}（${a.clerk}）` : name;
}

/** What happened, in words. */
export function eventText(lang: Lang, e: TimelineEntry, surface: Surface = 'panel'): string {
  const g = GLOSSARY[lang];
  if (e.event === 'review' && e.step) return g.reviewStep[e.step];
  if (e.event === 'payment' && e.payment) {
    const p = e.payment;
    const what =
      p.source === 'matching' ? `${g.paymentSource.matching} · ${g.stage[p.stage]}` : g.stage[p.stage];
    return `${what} ${money(surface, lang, p.amountFen)}`;
  }
  return g.event[e.event];
}

/** What comes next, in words. */
export function nextText(lang: Lang, n: TimelineNext, surface: Surface = 'panel'): string {
  const g = GLOSSARY[lang];
  return fill(g.next[n.code], {
    stage: n.stage ? g.stage[n.stage] : '',
    amount: n.amountFen === undefined ? '' : money(surface, lang, n.amountFen),
  });
}
