import { addHours } from 'date-fns/addHours';
import { UsageError } from '../errors.js';
import { remedyShown, typedNames } from '../language/labels.js';
import { t } from '../language/messages.js';
import type { NewComplaint } from './complaint.js';
import { nothingGiven } from './fields.js';
import { WANTS, channelFor, oneLineName, oneOf, optionalName, optionalText } from './validate.js';

/** What the person at the till typed or passed as flags, before it is checked. */
export interface LogInput {
  description?: string;
  customer?: string;
  contact?: string;
  channel?: string;
  about?: string;
  wants?: string;
  suggestion?: string;
  staff?: string;
  till?: string;
  branch?: string;
}

/** The checked fields of a complaint being logged; the description may still be missing. */
export type LogDraft = Pick<
  NewComplaint,
  'customer' | 'contact' | 'channel' | 'about' | 'wants' | 'suggestion' | 'staff' | 'till' | 'branch'
> & { description: string | null };

/**
 * Checks every given field, so a bad flag is reported before anyone is asked anything: the
 * channel against the shop's `channels`, or as typed when the shared logbook is out of reach and
 * they cannot be read.
 */
export function draftComplaint(input: LogInput, channels: readonly string[] | undefined): LogDraft {
  return {
    description: optionalText(input.description),
    customer: optionalName(input.customer, '--customer'),
    // Typed with a Chinese input method, a number's digits are full-width (１３８…): twice as wide on the desk, and no number to dial.
    contact: optionalName(input.contact, '--contact')?.normalize('NFKC') ?? null,
    // The shop's channels unknown (the shared logbook out of reach), any name is kept, but as a name: one line.
    channel: input.channel === undefined ? null : channels === undefined ? oneLineName(input.channel, '--channel') : (channelFor(input.channel, channels) ?? oneOf(input.channel, channels, '--channel')),
    about: optionalName(input.about, '--about'),
    wants: input.wants === undefined ? null : oneOf(input.wants, WANTS, '--wants', typedNames(remedyShown)),
    suggestion: optionalText(input.suggestion),
    staff: optionalName(input.staff, '--staff'),
    till: optionalText(input.till),
    branch: optionalText(input.branch),
  };
}

/** A draft that says what the complaint is. */
export type DescribedDraft = LogDraft & { description: string };

/** The draft, refused unless it says what the complaint is. */
export function described(draft: LogDraft): DescribedDraft {
  if (draft.description === null) {
    throw new UsageError(t('intake.noDescription'));
  }
  return { ...draft, description: draft.description };
}

/**
 * A complaint ready to record: a description is required, and it must be answered within
 * `responseHours` of when it happened (the customer has waited since, however late it is logged).
 * A moment given within the clocks' minute of grace after the logging (--at 12:01 at 12:00:20) is
 * the logging's: nothing is logged before it happens.
 */
export function completeComplaint(draft: LogDraft, given: Date, loggedAt: Date, responseHours: number, uid: string): NewComplaint {
  const occurredAt = given > loggedAt ? loggedAt : given;
  return {
    ...nothingGiven(),
    ...described(draft),
    logged_at: loggedAt.toISOString(),
    occurred_at: occurredAt.toISOString(),
    status: 'new',
    respond_by: addHours(occurredAt, responseHours).toISOString(),
    uid,
  };
}
