import fc from 'fast-check';
import type { Complaint } from '../../src/domain/complaint.js';
import { DEFAULT_SETTINGS } from '../../src/domain/config.js';
import { completeComplaint, type LogDraft } from '../../src/domain/intake.js';
import { COMMUNICATIVE, type Communicative } from '../../src/domain/nature.js';
import { answer, approve, assign, followUp, resolve, triage, type PreviousStep } from '../../src/domain/steps.js';
import { undo } from '../../src/domain/undo.js';
import { REMEDIES, SEVERITIES, WANTS, nameChecked } from '../../src/domain/validate.js';
import { Refusal, Unchanged } from '../../src/errors.js';

// Complaints as the commands make them: logged, then taken through any steps the lifecycle
// allows, in time order, by the same domain functions the commands call.

type StepTaken =
  | { kind: 'triage'; category: string; cause: string; severity: string | null }
  | { kind: 'reject'; reason: string }
  | { kind: 'communicative'; nature: Communicative }
  | { kind: 'answer'; answer: string }
  | { kind: 'assign'; assignee: string; respondInHours: number | null }
  | { kind: 'resolve'; remedy: string; cost_minor: number | null; root_cause: string | null; action: string | null }
  | { kind: 'approve'; by: string; reject: boolean }
  | { kind: 'withdraw' }
  | { kind: 'follow-up'; satisfaction: number }
  | { kind: 'reopen'; satisfaction: number | null };

/** Text for the fields a person types, and causes as triage stores them; `text` must say something. */
export interface Texts {
  text: fc.Arbitrary<string>;
  cause: fc.Arbitrary<string>;
}

const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });

/** What a command takes as a name or a cause (nameChecked): one line, not too long. */
function names(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return text.filter((typed) => {
    try {
      nameChecked(typed, 'name');
      return true;
    } catch {
      return false;
    }
  });
}

/** The shop's approval limit: remedies costing more are proposed and wait for `approve`. */
const APPROVAL_ABOVE = 500_000_000;

function stepsFrom({ text, cause }: Texts): fc.Arbitrary<StepTaken> {
  const name = names(text);
  return fc.oneof(
    fc.record({
      kind: fc.constant('triage' as const),
      category: fc.constantFrom(...DEFAULT_SETTINGS.categories),
      cause: names(cause),
      severity: optional(fc.constantFrom(...SEVERITIES)),
    }),
    fc.record({ kind: fc.constant('reject' as const), reason: text }),
    fc.record({ kind: fc.constant('communicative' as const), nature: fc.constantFrom(...COMMUNICATIVE) }),
    fc.record({ kind: fc.constant('answer' as const), answer: text }),
    // A respond-by given with it, from the moment of assigning: in place of one passed, it keeps that one as missed.
    fc.record({ kind: fc.constant('assign' as const), assignee: name, respondInHours: optional(fc.integer({ min: 1, max: 72 })) }),
    fc.record({
      kind: fc.constant('resolve' as const),
      remedy: fc.constantFrom(...REMEDIES),
      cost_minor: optional(fc.integer({ min: 0, max: 1e9 })),
      root_cause: optional(text),
      action: optional(text),
    }),
    fc.record({ kind: fc.constant('approve' as const), by: text, reject: fc.boolean() }),
    fc.record({ kind: fc.constant('withdraw' as const) }),
    fc.record({ kind: fc.constant('follow-up' as const), satisfaction: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('reopen' as const), satisfaction: optional(fc.integer({ min: 1, max: 5 })) }),
  );
}

/** The complaint after `step`, dated `at`; as it was when the lifecycle refuses the step there. */
function taken(current: Complaint, previous: PreviousStep, step: StepTaken, at: string): { complaint: Complaint; previous: PreviousStep } {
  try {
    const made = (() => {
      switch (step.kind) {
        case 'triage':
          return triage(current, previous, { nature: 'valid', category: step.category, cause: step.cause, severity: step.severity }, at, null);
        case 'reject':
          return triage(current, previous, { nature: 'unfounded', reason: step.reason }, at, null);
        case 'communicative':
          return triage(current, previous, { nature: step.nature }, at, null);
        case 'answer':
          return answer(current, previous, { answer: step.answer, note: null }, at);
        case 'assign':
          return assign(current, previous, step.assignee, at, step.respondInHours === null ? null : new Date(Date.parse(at) + step.respondInHours * 3_600_000).toISOString(), null);
        case 'resolve':
          return resolve(current, previous, { ...step, note: null, by: null }, at, APPROVAL_ABOVE);
        case 'approve':
          return approve(current, previous, step.reject ? { reject: true, by: step.by, reason: step.by } : { reject: false, by: step.by }, at);
        case 'withdraw':
          // Undoing the logging, which only a complaint nothing was done to since can have undone.
          if (previous.was !== 'happened') throw new Refusal('a later step depends on the logging');
          return undo(current, { id: 1, complaint_id: current.id, action: 'logged', at: current.occurred_at, recorded_at: current.logged_at, before: null, undoes: null }, at);
        case 'follow-up':
          return followUp(current, previous, { satisfaction: step.satisfaction, note: null, reopen: false }, at, 24);
        case 'reopen':
          return followUp(current, previous, { satisfaction: step.satisfaction, note: null, reopen: true }, at, 24);
      }
    })();
    const remedies = made.gives === undefined ? current.remedies : [...current.remedies, made.gives];
    return { complaint: { ...current, ...made.changes, remedies }, previous: { at, was: made.event.action } };
  } catch (error) {
    // A step the lifecycle refuses, or one that would change nothing, is not taken.
    if (error instanceof Refusal || error instanceof Unchanged) return { complaint: current, previous };
    throw error;
  }
}

/** A complaint logged at a moment from 2000 to `latest` and taken through up to six steps, minutes to days apart. */
export function madeByCommands(texts: Texts, latest: Date): fc.Arbitrary<Omit<Complaint, 'id'>> {
  const { text } = texts;
  const name = names(text);
  const draft: fc.Arbitrary<LogDraft> = fc.record({
    description: text,
    customer: optional(name),
    contact: optional(name),
    channel: optional(fc.constantFrom(...DEFAULT_SETTINGS.channels)),
    about: optional(name),
    wants: optional(fc.constantFrom(...WANTS)),
    suggestion: optional(text),
    staff: optional(name),
    till: optional(name),
    branch: optional(name),
  });
  const minute = 60_000;
  return fc
    .record({
      draft,
      occurred: fc.integer({ min: Date.UTC(2000, 0, 1), max: latest.getTime() - 400 * 24 * 60 * minute }),
      loggedAfter: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      uid: fc.uuid(),
      steps: fc.array(fc.record({ step: stepsFrom(texts), after: fc.integer({ min: 0, max: 7 * 24 * 60 }) }), { maxLength: 6 }),
    })
    .map(({ draft: typed, occurred, loggedAfter, uid, steps }) => {
      const occurredAt = new Date(occurred);
      const loggedAt = new Date(occurred + loggedAfter * minute);
      let complaint: Complaint = { ...completeComplaint(typed, occurredAt, loggedAt, 24, uid), id: 0 };
      let previous: PreviousStep = { at: complaint.occurred_at, was: 'happened' };
      let at = occurred;
      for (const { step, after } of steps) {
        at += after * minute;
        ({ complaint, previous } = taken(complaint, previous, step, new Date(at).toISOString()));
      }
      const { id: _unnumbered, ...made } = complaint;
      return made;
    });
}
