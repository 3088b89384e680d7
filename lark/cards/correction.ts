import type { PartnershipStatus } from '../../workflows/state.ts';
import type { DecisionValue } from './action-value.ts';
import type { BotUser } from '../../bots/auth.ts';
import { sectionFor } from './decision-sections.ts';
import { card } from './card.ts';
import { escapeMarkdown as e, markdown } from './elements.ts';
import type { Prefill } from './prefill.ts';
import { headline } from './status.ts';
import { stampVersion } from './version.ts';

/**
 * A decision shown again with what went wrong — the fields to correct, or the workflow's refusal
 * when it came too late for a toast — and what the person typed, so they fix and resend.
 */
export const correctionCard = (
  status: PartnershipStatus,
  value: DecisionValue,
  user: BotUser,
  lead: string,
  problems: readonly string[],
  options: { prefill?: Prefill; maxProposals?: number } = {},
): Record<string, unknown> =>
  card(headline(status), 'red', [
    markdown(`${e(lead)}\n${problems.map((problem) => `- ${e(problem)}`).join('\n')}`),
    ...stampVersion(sectionFor(value, status, user, options), status),
  ]);
