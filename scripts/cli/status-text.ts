import { CONTRACT_TYPE_NAMES } from '../../domain/vocabulary.ts';
import { stageName } from '../../domain/rules.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';

const ACTIONS: Record<PartnershipStatus['awaiting'][number]['action'], string> = {
  review: 'review (审核)',
  revise: 'revise the submission (补充材料)',
  select_candidates: 'select candidates (选择候选)',
  respond_to_proposal: 'accept or decline the proposal (答复对接)',
  negotiate: 'negotiate terms (洽谈条款)',
  register_contract: 'register the contract (合同登记)',
  complete_milestone: 'complete the milestone (完成节点)',
};

/** A partnership's status as plain text, for the CLI and logs. */
export const statusText = (status: PartnershipStatus): string => {
  const lines = [
    `${status.reference}  ${status.title}`,
    `  stage:      ${stageName(status.stage)}${status.outcome ? ` — ${status.outcome.reason}` : ''}`,
    `  enterprise: ${status.enterprise?.name ?? '—'}    university: ${status.university?.name ?? '—'}`,
    `  region:     ${status.region}    industry: ${status.industry}    submitted by ${status.submittedBy.name}`,
  ];
  for (const a of status.awaiting) {
    lines.push(`  awaiting:   ${a.organisation?.name ?? a.role}: ${ACTIONS[a.action]}${a.subject ? ` [${a.subject}]` : ''}${a.deadline ? ` by ${a.deadline}` : ''}`);
  }
  if (status.stage === 'matchmaking' && status.candidates.length > 0) {
    lines.push('  candidates:');
    for (const c of status.candidates) lines.push(`    ${c.id}  ${c.score.toFixed(2)}  ${c.counterpart.name}  ${c.title}\n      ${c.reasons.join('；')}${c.flags.length ? `  ⚠ ${c.flags.join(', ')}` : ''}`);
  }
  for (const p of status.proposals) lines.push(`  proposal:   ${p.candidateId} → ${p.counterpart.name}: ${p.status}${p.category ? ` (${p.category})` : ''}`);
  for (const r of status.rounds) lines.push(`  terms #${r.round}:  ${r.by}: ${r.terms}${r.amountCny !== undefined ? ` (¥${r.amountCny.toLocaleString('zh-CN')})` : ''}`);
  if (status.contract) {
    lines.push(`  contract:   ${CONTRACT_TYPE_NAMES[status.contract.type]} ¥${status.contract.amountCny.toLocaleString('zh-CN')}, signed ${status.contract.signedOn}`);
  }
  for (const m of status.milestones) lines.push(`  milestone ${m.seq}: ${m.done ? '✓' : '·'} ${m.title} (${m.kind}, ${m.responsible}) due ${m.dueAt}`);
  lines.push('  history:');
  for (const h of status.history.slice(-8)) lines.push(`    ${h.at}  ${h.by ?? 'system'}: ${h.note}`);
  return lines.join('\n');
};
