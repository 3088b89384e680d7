import type { Language } from '../../notifications/content.ts';
import { DECLINE_CATEGORIES } from '../../domain/vocabulary.ts';
import { WORDS } from '../../notifications/words.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { button, escapeMarkdown as e, form, formScope, input, markdown, select, submitButton, type Element } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

export interface ProposalView {
  readonly reference: string;
  readonly candidateId: string;
  /** The organisation asked to accept. */
  readonly counterpart: string;
  readonly candidateTitle?: string | undefined;
  readonly reasons?: readonly string[] | undefined;
}

/** A match proposal for the counterpart: accept, or decline with a category and a reason. */
export const proposalSection = (proposal: ProposalView, language: Language, prefill: Prefill = {}): Element[] => {
  const p = phrasesFor(language);
  const scope = formScope(proposal.reference, 'respond', proposal.candidateId);
  const value = (decision: 'accept' | 'decline') => ({ v: 1 as const, d: 'respond' as const, ref: proposal.reference, candidateId: proposal.candidateId, decision });
  const about = [
    p.respondPrompt(e(proposal.counterpart)),
    ...(proposal.candidateTitle ? [`**${e(proposal.candidateTitle)}**`] : []),
    ...(proposal.reasons ?? []).map((reason) => `· ${e(reason)}`),
  ];
  return [
    markdown(about.join('\n')),
    button(p.accept, value('accept'), 'primary', { name: scope.name('accept') }),
    form(scope, [
      select(scope, 'category', p.declineCategory, DECLINE_CATEGORIES.map((c) => ({ value: c, label: WORDS[language].declineCategory[c] })), {
        required: true,
        initial: text(prefill, 'category'),
      }),
      input(scope, 'reason', WORDS[language].label.reason, { initial: text(prefill, 'reason') }),
      submitButton(scope, 'decline', p.decline, value('decline'), 'danger'),
    ]),
  ];
};
