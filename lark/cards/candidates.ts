import type { Language } from '../../notifications/content.ts';
import type { Candidate } from '../../workflows/events.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { escapeMarkdown as e, form, formScope, markdown, multiSelect, submitButton, type Element } from './elements.ts';
import { list, type Prefill } from './prefill.ts';

/** Candidates best first: counterpart, title, score, the matching engine's reasons and flags. */
export const candidateList = (candidates: readonly Candidate[], language: Language): Element => {
  const p = phrasesFor(language);
  if (candidates.length === 0) return markdown(p.noCandidates);
  return markdown(
    candidates
      .map((c, index) =>
        [
          `**${index + 1}. ${e(c.counterpart.name)}** — ${e(c.title)}（${p.score} ${c.score.toFixed(2)}）`,
          ...c.reasons.map((reason) => `　· ${e(reason)}`),
          ...(c.flags.length > 0 ? [`　⚠ ${c.flags.map(e).join(', ')}`] : []),
        ].join('\n'),
      )
      .join('\n'),
  );
};

/** The candidates still open to propose: not declined, lapsed or already proposed. */
export const selectableCandidates = (status: Pick<PartnershipStatus, 'candidates' | 'proposals'>): Candidate[] =>
  status.candidates.filter((c) => !status.proposals.some((p) => p.candidateId === c.id));

/** Candidate selection: the list with reasons, and a form to propose one or more. */
export const candidatesSection = (status: Pick<PartnershipStatus, 'reference' | 'candidates' | 'proposals'>, language: Language, maxProposals: number, prefill: Prefill = {}): Element[] => {
  const p = phrasesFor(language);
  const open = selectableCandidates(status);
  const scope = formScope(status.reference, 'select');
  return [
    markdown(p.selectPrompt(maxProposals)),
    candidateList(open, language),
    form(scope, [
      multiSelect(
        scope,
        'candidates',
        p.candidates,
        open.map((c, index) => ({ value: c.id, label: `${index + 1}. ${c.counterpart.name} — ${c.title}`.slice(0, 100) })),
        { required: true, initial: list(prefill, 'candidates') },
      ),
      submitButton(scope, 'select', p.propose, { v: 1, d: 'select', ref: status.reference }),
    ]),
  ];
};
