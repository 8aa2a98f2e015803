import type { Nature } from '../domain/nature.js';
import type { Status } from '../domain/lifecycle.js';
import type { SEVERITIES } from '../domain/validate.js';
import { t } from './messages.js';

// Statuses, natures and severities are stored and given as flags in English (`--status new`);
// a person reads them, and may type them, in the language spoken (新, 咨询, 高).

export function statusShown(status: Status): string {
  return t(`status.${status}`);
}

export function natureShown(nature: Nature): string {
  return t(`nature.${nature}`);
}

export function severityShown(severity: (typeof SEVERITIES)[number]): string {
  return t(`severity.${severity}`);
}
