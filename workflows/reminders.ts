import type { Audience, Template } from './events.ts';
import type { Lifecycle } from './lifecycle.ts';
import { coordinators, managers, notice, organisation, parties, person } from './lifecycle.ts';
import { expireProposal } from './transitions.ts';

const remind = (life: Lifecycle, timer: string, template: Template, to: Audience[], data: Record<string, string | number> = {}): void => {
  life.emit('reminder', null, { timer }, [notice(template, to, data)], `reminder ${timer}`);
};

const escalate = (life: Lifecycle, timer: string, template: Template, to: Audience[], data: Record<string, string | number> = {}): void => {
  life.emit('escalation', null, { timer }, [notice(template, to, data)], `escalation ${timer}`);
};

/** What a fired timer means: a reminder, an escalation or a deadline passing. */
export const fireTimer = (life: Lifecycle, key: string): void => {
  const [subject, ...rest] = key.split(':');
  const what = rest.join(':');
  const { state } = life;
  switch (subject) {
    case 'review':
      if (what === 'remind') remind(life, key, 'review_reminder', [coordinators]);
      else escalate(life, key, 'decision_escalated', [managers], { action: 'review' });
      return;
    case 'revision':
      remind(life, key, 'revision_reminder', [person(life.input.submittedBy.personId)]);
      return;
    case 'selection':
      if (what === 'remind') remind(life, key, 'selection_reminder', [coordinators]);
      else escalate(life, key, 'decision_escalated', [managers], { action: 'select_candidates' });
      return;
    case 'proposal': {
      const candidateId = rest.slice(0, -1).join(':');
      const proposal = state.proposals.find((p) => p.candidateId === candidateId);
      if (!proposal) return;
      if (rest.at(-1) === 'remind') {
        remind(life, key, 'proposal_reminder', [organisation(proposal.counterpart.id)], {
          candidateId,
          deadline: new Date(proposal.deadline).toISOString(),
        });
      } else expireProposal(life, candidateId);
      return;
    }
    case 'negotiation': {
      const deadline = new Date(state.negotiationDeadline ?? life.now()).toISOString();
      if (what === 'remind') remind(life, key, 'negotiation_reminder', parties(life), { deadline });
      else escalate(life, key, 'negotiation_overdue', [coordinators, managers, ...parties(life)], { deadline });
      return;
    }
    case 'milestone': {
      const [seqText, kind] = rest;
      const milestone = state.milestones.find((m) => m.seq === Number(seqText));
      if (!milestone || milestone.done) return;
      const responsible = milestone.responsible === 'university' ? state.university : state.enterprise;
      const owners = responsible ? [organisation(responsible.id)] : [];
      const data = { milestone: milestone.seq, milestoneTitle: milestone.title, due: new Date(milestone.dueAt).toISOString() };
      if (kind === 'before') remind(life, key, 'milestone_due_soon', owners, data);
      else if (kind === 'due') remind(life, key, 'milestone_due_today', owners, data);
      else escalate(life, key, 'milestone_overdue', [...owners, coordinators, managers], data);
      return;
    }
  }
};
