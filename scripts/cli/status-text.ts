import type { Stage } from '../../domain/vocabulary.ts';
import { actedBy, formatTime } from '../../notifications/format.ts';
import { WORDS } from '../../notifications/words.ts';
import type { AwaitingAction } from '../../notifications/words.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';

/** The CLI speaks English with the Chinese terms beside it, as coordinators use both. */
const stage = (s: Stage): string => `${WORDS.en.stage[s]} (${WORDS.zh.stage[s]})`;
const action = (a: AwaitingAction): string => `${WORDS.en.action[a]} (${WORDS.zh.action[a]})`;
const when = (iso: string): string => formatTime(iso, 'en');

/** A partnership's status as plain text, for the CLI and logs; times in Beijing time, as the messages give them. */
export const statusText = (status: PartnershipStatus): string => {
  const lines = [
    `${status.reference}  ${status.title}`,
    `  stage:      ${stage(status.stage)}${status.outcome ? ` — ${status.outcome.reason}` : ''}`,
    `  enterprise: ${status.enterprise?.name ?? '—'}    university: ${status.university?.name ?? '—'}`,
    `  region:     ${status.region}    industry: ${status.industry}    submitted by ${status.submittedBy.name}`,
  ];
  for (const a of status.awaiting) {
    lines.push(
      `  awaiting:   ${a.organisation?.name ?? a.role}: ${action(a.action)}${a.subject ? ` [${a.subject}]` : ''}${a.deadline ? ` by ${when(a.deadline)}` : ''}`,
    );
  }
  if (status.stage === 'matchmaking' && status.candidates.length > 0) {
    lines.push('  candidates:');
    for (const c of status.candidates)
      lines.push(
        `    ${c.id}  ${c.score.toFixed(2)}${c.weak ? ' (weak)' : ''}  ${c.counterpart.name}  ${c.title}\n      ${c.reasons.join('；')}${c.flags.length ? `  ⚠ ${c.flags.join(', ')}` : ''}`,
      );
  }
  for (const p of status.proposals)
    lines.push(`  proposal:   ${p.candidateId} → ${p.counterpart.name}: ${p.status}${p.category ? ` (${WORDS.en.declineCategory[p.category]})` : ''}`);
  for (const r of status.rounds)
    lines.push(`  terms #${r.round}:  ${r.by}: ${r.terms}${r.amountCny !== undefined ? ` (¥${r.amountCny.toLocaleString('zh-CN')})` : ''}`);
  if (status.contract) {
    lines.push(
      `  contract:   ${WORDS.en.contractType[status.contract.type]} ¥${status.contract.amountCny.toLocaleString('zh-CN')}, signed ${status.contract.signedOn}`,
    );
  }
  for (const m of status.milestones) {
    lines.push(
      `  milestone ${m.seq}: ${m.done ? '✓' : '·'} ${m.title} (${WORDS.en.milestoneKind[m.kind]}, ${WORDS.en.side[m.responsible]}) due ${when(m.dueAt)}`,
    );
  }
  lines.push('  history:');
  for (const h of status.history.slice(-8)) lines.push(`    ${when(h.at)}  ${actedBy(h, 'en')}: ${h.note}`);
  return lines.join('\n');
};
