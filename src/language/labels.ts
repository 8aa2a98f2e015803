import type { WeekStart } from '../domain/config.js';
import type { Status } from '../domain/lifecycle.js';
import type { Nature } from '../domain/nature.js';
import type { Dimension } from '../domain/pareto.js';
import { REMEDIES, type SEVERITIES } from '../domain/validate.js';
import { t } from './messages.js';

// Statuses, natures, severities, remedies and week starts are stored, exported and given as flags in English
// (`--status new`); a person reads them in the language spoken (新, 咨询, 高, 退款) and may type
// them so too.

export function statusShown(status: Status): string {
  return t(`status.${status}`);
}

export function natureShown(nature: Nature): string {
  return t(`nature.${nature}`);
}

export function severityShown(severity: (typeof SEVERITIES)[number]): string {
  return t(`severity.${severity}`);
}

export function weekStartShown(day: WeekStart): string {
  return t(`weekStart.${day}`);
}

/** What a report counts by, as a person reads it: 原因 for cause. */
export function dimensionShown(by: Dimension): string {
  return t('report.byNoun', { by });
}

/** A remedy (or what a customer wants) as a person reads it; one not known, as it is stored. */
export function remedyShown(remedy: string): string {
  return (REMEDIES as readonly string[]).includes(remedy) ? t(`remedy.${remedy as (typeof REMEDIES)[number]}`) : remedy;
}

// Words a till types for a value beside the label it shows. First the Chinese label, whatever the
// language spoken, as Chinese dates and amounts are read in any: a shop's two tills may speak two,
// and an English till refused 退款 while it took 打折. Then, for remedies, what a shop says it gave
// (免单 waives the bill, 重做 makes the dish again, 代金券 is a voucher for next time).
const ALSO_TYPED: Readonly<Record<string, readonly string[]>> = {
  new: ['新', '新建', '新的'],
  triaged: ['已分诊'],
  assigned: ['已指派'],
  closed: ['已结案', '关闭', '已关闭'],
  resolved: ['已处理', '已解决', '解决'],
  rejected: ['不成立', '驳回', '已驳回'],
  withdrawn: ['已撤回'],
  valid: ['有效投诉', '有效'],
  help: ['求助', '帮助'],
  question: ['咨询', '问题', '提问', '建议'],
  venting: ['发泄', '抱怨', '发牢骚'],
  unfounded: ['不成立', '无效', '驳回'],
  low: ['低', '轻微', '轻', '不严重'],
  medium: ['中', '一般', '中等', '普通'],
  high: ['高', '较严重', '比较严重', '重要'],
  critical: ['严重', '非常严重', '很严重', '特别严重', '紧急'],
  refund: ['退款', '退钱', '退费', '免单', '全额退款', '部分退款', '退一半'],
  replacement: ['更换', '换货', '换新', '换一个', '换一份', '换菜', '重做', '重新做', '补发', '退换'],
  repair: ['维修', '修理', '修好', '返修'],
  discount: ['折扣', '打折', '优惠', '减价', '减免', '半价', '九折', '打九折', '八折', '打八折', '七折', '打七折'],
  compensation: ['赔偿', '补偿', '赔钱', '赔付', '赠送', '送菜', '送一份', '代金券', '优惠券', '送券'],
  apology: ['道歉', '赔礼道歉', '赔不是', '致歉'],
  explanation: ['解释', '说明'],
  none: ['不补救', '无'],
  monday: ['周一', '星期一', '礼拜一'],
  sunday: ['周日', '周天', '星期日', '星期天', '礼拜日', '礼拜天'],
  saturday: ['周六', '星期六', '礼拜六'],
};

/** What a person may type for `value` beside the value itself: its label in the language spoken, and other words for it. */
export function typedNames<T extends string>(shown: (value: T) => string): (value: T) => readonly string[] {
  return (value) => [shown(value), ...(ALSO_TYPED[value] ?? [])];
}

/**
 * Why the system refused a file, in words, from its error code (ENOENT, EACCES); a code not known
 * here, or an engine's own message, as it is.
 */
export function systemReason(code: string): string {
  return t('files.reason', { code });
}
