import type { Env } from '../context.js';
import type { Language } from './messages.js';

/**
 * The language to speak: this computer's setting (`config set language`) when there is one, else
 * the locale's, as POSIX ranks them (LC_ALL over LC_MESSAGES over LANG), Chinese for any `zh…`
 * locale and English for every other.
 */
export function chosenLanguage(setting: Language | undefined, env: Env): Language {
  if (setting !== undefined) return setting;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  // What is printed is UTF-8: a terminal in another encoding (zh_CN.GB18030) would show Chinese
  // garbled, and English as it is.
  const encoding = /\.([^@]+)/.exec(locale)?.[1];
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) return 'en';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/** The language a person typed (`zh-CN`, `zh`, `中文`, `en`, `English`), or undefined when it is none the tool speaks. */
export function languageNamed(text: string): Language | undefined {
  const name = text.trim().toLowerCase().replace('_', '-');
  if (['zh', 'zh-cn', 'zh-hans', '中文', '简体中文'].includes(name)) return 'zh-CN';
  if (['en', 'english', '英文', '英语'].includes(name)) return 'en';
  return undefined;
}
