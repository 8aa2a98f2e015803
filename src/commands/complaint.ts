import type { Session } from '../context.js';
import type { Complaint } from '../domain/complaint.js';
import { stepAwaited, statusesFor, type Step } from '../domain/lifecycle.js';
import { isCommunicative } from '../domain/nature.js';
import { parseId } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { describeComplaint } from '../output/show.js';
import { painter } from '../output/paint.js';
import { complaintOrNotFound, settingsOf } from './common.js';

/** A step the till can take from a complaint's page: what it is called, and the command that asks for the rest (its module loaded only when chosen). */
interface Offered {
  step: Step | 'approve' | 'undo';
  name: string;
  run: () => Promise<void>;
}

/**
 * `complaints 12`: the complaint and its timeline; at a terminal, then the steps its state allows,
 * the one the lifecycle expects first, each asking for what it needs as its command does.
 */
export async function runComplaint(idText: string, session: Session): Promise<void> {
  const id = parseId(idText);
  // Opened to change from the start, so that the step chosen writes through the same logbook.
  const logbook = await session.logbook(session.canPrompt ? 'change' : 'read');
  const complaint = await complaintOrNotFound(logbook, id);
  const { currency } = await settingsOf(logbook);
  session.print(describeComplaint(complaint, await logbook.timeline(id), currency, session.now(), painter(session.color)));
  if (!session.canPrompt) return;
  const offered = stepsFrom(complaint, session);
  const { askNextStep } = await import('../prompts/steps.js');
  const chosen = await askNextStep(offered.map(({ name }) => name), session);
  if (chosen !== null) await offered[chosen]!.run();
}

/** The steps a complaint in its state can take, the one it waits for first (stepAwaited); undo last. */
function stepsFrom(complaint: Complaint, session: Session): Offered[] {
  const id = String(complaint.id);
  const allowed = (step: Step) => statusesFor(step).includes(complaint.status);
  const waiting = complaint.proposed_remedy !== null;
  const steps: Offered[] = [
    ...(waiting ? [{ step: 'approve' as const, name: t('complaintPage.stepApprove'), run: async () => (await import('./approve.js')).runApprove(id, {}, session) }] : []),
    ...(allowed('triage') ? [{ step: 'triage' as const, name: complaint.nature === null ? t('complaintPage.stepTriage') : t('complaintPage.stepTriageAgain'), run: async () => (await import('./triage.js')).runTriage(id, {}, session) }] : []),
    ...(allowed('assign') ? [{ step: 'assign' as const, name: complaint.assignee === null ? t('complaintPage.stepAssign') : t('complaintPage.stepAssignAgain'), run: async () => (await import('./assign.js')).runAssign(id, undefined, {}, session) }] : []),
    ...(allowed('resolve') && !waiting ? [{ step: 'resolve' as const, name: t(isCommunicative(complaint.nature) ? 'complaintPage.stepAnswer' : 'complaintPage.stepResolve'), run: async () => (await import('./resolve.js')).runResolve(id, {}, session) }] : []),
    ...(allowed('follow-up') ? [{ step: 'follow-up' as const, name: t('complaintPage.stepFollowUp'), run: async () => (await import('./follow-up.js')).runFollowUp(id, {}, session) }] : []),
    ...(complaint.status === 'withdrawn' ? [] : [{ step: 'undo' as const, name: t('complaintPage.stepUndo'), run: async () => (await import('./undo.js')).runUndo(id, {}, session) }]),
  ];
  const first = stepAwaited(complaint);
  return [...steps.filter(({ step }) => step === first), ...steps.filter(({ step }) => step !== first)];
}
