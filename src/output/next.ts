import type { Complaint } from '../domain/complaint.js';
import { stepAwaited } from '../domain/lifecycle.js';
import { isCommunicative } from '../domain/nature.js';
import { t } from '../language/messages.js';

/** The command that takes a complaint on from where it stands now; none once it is closed or rejected. */
export function nextCommand(complaint: Pick<Complaint, 'id' | 'status' | 'nature' | 'proposed_remedy'>): string | null {
  const { id } = complaint;
  const step = stepAwaited(complaint);
  // Help, a question or venting is answered rather than remedied.
  if (step === 'resolve' && isCommunicative(complaint.nature)) return `complaints resolve ${id} --answer "…"`;
  switch (step) {
    case 'approve':
      return t('nextStep.approve', { id });
    case 'triage':
      return `complaints triage ${id} --category … --cause …`;
    case 'assign':
      return `complaints assign ${id} ${t('common.placeholderPerson')}`;
    case 'resolve':
      return `complaints resolve ${id} --remedy …`;
    case 'follow-up':
      return t('nextStep.followUp', { id });
    case null:
      return null;
  }
}
