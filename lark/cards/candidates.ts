import type { Language } from '../../notifications/content.ts';
import type { Candidate } from '../../workflows/events.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { escapeMarkdown as e, markdown, type Element } from './elements.ts';

/** Candidates best first: counterpart, title, score, the matching engine's reasons and flags. */
export const candidateList = (candidates: readonly Candidate[], language: Language): Element => {
  const p = phrasesFor(language);
  if (candidates.length === 0) return markdown(p.noCandidates);
  const weakOnly = candidates.every((c) => c.weak);
  return markdown(
    (weakOnly ? [p.weakCandidates] : [])
      .concat(
        candidates.map((c, index) =>
          [
            `**${index + 1}. ${e(c.counterpart.name)}** — ${e(c.title)}（${p.score} ${c.score.toFixed(2)}${c.weak ? `，${p.weak}` : ''}）`,
            ...c.reasons.map((reason) => `　· ${e(reason)}`),
            ...(c.flags.length > 0 ? [`　⚠ ${c.flags.map(e).join(', ')}`] : []),
          ].join('\n'),
        ),
      )
      .join('\n'),
  );
};

/** The candidates still open to propose: not declined, lapsed or already proposed. */
export const selectableCandidates = (status: Pick<PartnershipStatus, 'candidates' | 'proposals'>): Candidate[] =>
  status.candidates.filter((c) => !status.proposals.some((p) => p.candidateId === c.id));
