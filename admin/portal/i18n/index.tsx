import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { GLOSSARY, portalMoney } from '../../../server/domain/glossary';
import { zhCN, type MessageKey } from './zh-CN';

/** Simplified Chinese first; English selectable and remembered on the phone. */
export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORE = 'portal.lang';

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: T;
  /** As `t`, but dates and times stay on one line: a phone must never break 2026-12-19 at its hyphen. */
  tn: (key: MessageKey, params: Params) => ReactNode;
  /** The glossary's words for codes in this language (statuses, documents, steps, actors …). */
  g: (typeof GLOSSARY)[Lang];
  /** An amount in fen as the portal shows it: 1,500 元. */
  money: (fen: number) => string;
}
const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;
const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORE);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* private mode */
  }
  return 'zh-CN';
}

export function format(msg: string, params?: Params): string {
  return params ? msg.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : msg;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORE, l);
    } catch {
      /* private mode */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = MESSAGES[lang]['app.title'];
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => format(MESSAGES[lang][key] ?? key, params),
      tn: (key, params) =>
        (MESSAGES[lang][key] ?? key).split(/(\{\w+\})/).map((part, i) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!name || !(name in params)) return part;
          const v = String(params[name]);
          return DATE.test(v) ? (
            <span className="nowrap" key={i}>
              {v}
            </span>
          ) : (
            v
          );
        }),
      g: GLOSSARY[lang],
      money: (fen) => portalMoney(fen, lang),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
