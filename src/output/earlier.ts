import type { Complaint } from '../domain/complaint.js';
import { personKeyOf } from '../domain/person.js';
import { localTime } from '../language/dates.js';
import { t } from '../language/messages.js';
import type { EarlierComplaints } from '../store/logbook.js';
import { complaintRef, oneLine } from './terminal.js';

/** How many of a customer's earlier complaints a note names, the latest: the rest are counted, so the note stays one readable line. */
export const EARLIER_SHOWN = 5;

/**
 * Who complained before and when: this customer, or another name with the same contact, which the
 * list then names, so that the till does not take a stranger for a regular. `about` names the
 * complaint the note is on when several were just logged (those a till kept, sent together).
 */
export function earlierNote(complaint: Complaint, earlier: EarlierComplaints, about?: string): string {
  const nameKey = personKeyOf(complaint.customer, 'customer');
  const sameName = (c: EarlierComplaints['latest'][number]) => nameKey !== null && personKeyOf(c.customer, 'customer') === nameKey;
  const list = earlier.latest
    .map((c) => {
      const [id, day] = [complaintRef(c.id), localTime(c.occurred_at).slice(0, 10)];
      return sameName(c) || c.customer === null ? t('log.earlierItem', { id, day }) : t('log.earlierItemNamed', { id, day, customer: oneLine(c.customer) });
    })
    .join(t('common.listSeparator'));
  const [customer, contact] = [oneLine(complaint.customer ?? ''), oneLine(complaint.contact ?? '')];
  const [byName, byContact] = [earlier.latest.some(sameName), earlier.latest.some((c) => !sameName(c))];
  const who = !byContact ? t('log.earlierWhoCustomer', { customer }) : !byName ? t('log.earlierWhoContact', { contact }) : t('log.earlierWhoEither', { customer, contact });
  const on = about ?? 'none';
  return earlier.count > earlier.latest.length ? t('log.earlierMany', { who, count: earlier.count, list, about: on }) : t('log.earlierFew', { who, list, about: on });
}
