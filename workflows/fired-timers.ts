import type { Audience, Template } from './events.ts';
import type { NoticeData } from './notice-data.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Timer } from './state.ts';
import { coordinators, managers, managersOf, notice, organisation, parties, person } from './lifecycle.ts';
import { scheduleOverdueRepeat } from './milestones.ts';
import { expireProposal } from './transitions.ts';

/** A reminder or an escalation: sent at the timer's slot, with the others due then. */
const send = <T extends Template>(
  kind: 'reminder' | 'escalation',
  life: Lifecycle,
  timer: Timer,
  template: T,
  to: readonly Audience[],
  data: NoticeData[T],
): void => {
  life.emit(kind, null, { timer: timer.key, slot: timer.at }, [notice(template, to, data)], `${kind} ${timer.key}`);
};

const remind = <T extends Template>(life: Lifecycle, timer: Timer, template: T, to: readonly Audience[], data: NoticeData[T]): void =>
  send('reminder', life, timer, template, to, data);

const escalate = <T extends Template>(life: Lifecycle, timer: Timer, template: T, to: readonly Audience[], data: NoticeData[T]): void =>
  send('escalation', life, timer, template, to, data);

/** What a fired timer means: a reminder, an escalation or a deadline passing. */
export const fireTimer = (life: Lifecycle, timer: Timer): void => {
  const { key } = timer;
  const [subject, ...rest] = key.split(':');
  const what = rest.join(':');
  const { state } = life;
  switch (subject) {
    case 'review':
      if (what === 'remind') remind(life, timer, 'review_reminder', [coordinators], {});
      else escalate(life, timer, 'decision_escalated', [managers], { action: 'review' });
      return;
    case 'revision':
      remind(life, timer, 'revision_reminder', [person(life.input.submittedBy.personId)], {});
      return;
    case 'selection':
      if (what === 'remind') remind(life, timer, 'selection_reminder', [coordinators], {});
      else escalate(life, timer, 'decision_escalated', [managers], { action: 'select_candidates' });
      return;
    case 'proposal': {
      const candidateId = rest.slice(0, -1).join(':');
      const proposal = state.proposals.findLast((p) => p.candidateId === candidateId);
      if (!proposal || proposal.status !== 'proposed') return;
      if (rest.at(-1) === 'recheck') proposal.recheckDue = true;
      else if (rest.at(-1) === 'remind') {
        remind(life, timer, 'proposal_reminder', [organisation(proposal.counterpart.id)], {
          candidateId,
          candidateTitle: state.candidates.find((c) => c.id === candidateId)?.title ?? candidateId,
          deadline: new Date(proposal.deadline).toISOString(),
        });
      } else expireProposal(life, candidateId);
      return;
    }
    case 'negotiation': {
      const deadline = new Date(state.negotiationDeadline ?? life.now()).toISOString();
      if (what === 'remind') remind(life, timer, 'negotiation_reminder', parties(life), { deadline });
      else escalate(life, timer, 'negotiation_overdue', [coordinators, managers, ...parties(life)], { deadline });
      return;
    }
    case 'milestone': {
      const [seqText, kind] = rest;
      const milestone = state.milestones.find((m) => m.seq === Number(seqText));
      if (!milestone || milestone.done) return;
      const responsible = milestone.responsible === 'university' ? state.university : state.enterprise;
      const owners = responsible ? [organisation(responsible.id)] : [];
      const data = { milestone: milestone.seq, milestoneTitle: milestone.title, due: new Date(milestone.dueAt).toISOString() };
      if (kind === 'before') remind(life, timer, 'milestone_due_soon', owners, data);
      else if (kind === 'due') remind(life, timer, 'milestone_due_today', owners, data);
      else if (kind === 'late') {
        remind(life, timer, 'milestone_overdue', owners, { ...data, escalated: 'no' });
        scheduleOverdueRepeat(life, milestone.seq, life.now());
      } else {
        const bosses = responsible ? [managersOf(responsible.id)] : [managers];
        escalate(life, timer, 'milestone_overdue', [...owners, ...bosses, coordinators], { ...data, escalated: 'yes' });
      }
      return;
    }
  }
};
