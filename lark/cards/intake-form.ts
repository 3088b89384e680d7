import { COOPERATION_MODES } from '../../matching/index.ts';
import type { PartnershipKind } from '../../domain/vocabulary.ts';
import type { BotUser } from '../../bots/auth.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { card } from './card.ts';
import { escapeMarkdown as e, form, formScope, input, markdown, multiSelect, select, submitButton, type Element } from './elements.ts';
import { list, text, type Prefill } from './prefill.ts';

export interface OrganisationChoice {
  readonly name: string;
  readonly region: string;
}

const MATURITY = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * 新需求 / 新成果: the submission form. A contact submits for their own organisation (it is the
 * only choice); a coordinator picks any from the directory. Shown again with the problems named
 * and what was typed kept, until it passes.
 */
export const intakeFormCard = (
  kind: PartnershipKind,
  user: BotUser,
  organisations: readonly OrganisationChoice[],
  options: { prefill?: Prefill; problems?: readonly string[] } = {},
): Record<string, unknown> => {
  const p = phrasesFor(user.language);
  const prefill = options.prefill ?? {};
  const scope = formScope('intake', kind);
  const own = organisations.length === 1 ? organisations[0] : undefined;
  const organisation = select(
    scope,
    'organisation',
    kind === 'demand' ? p.enterprise : p.university,
    organisations.map((o) => ({ value: o.name, label: o.name })),
    { required: true, initial: text(prefill, 'organisation') ?? own?.name },
  );
  const common = (field: 'description' | 'summary'): Element[] => [
    input(scope, 'title', p.fieldTitle, { required: true, initial: text(prefill, 'title') }),
    input(scope, field, field === 'description' ? p.fieldDescription : p.fieldSummary, {
      required: true,
      multiline: true,
      initial: text(prefill, field),
      maxLength: 5000,
    }),
    input(scope, 'fields', p.fieldFields, {
      required: true,
      initial: text(prefill, 'fields'),
      placeholder: kind === 'demand' ? '冶金、材料' : '材料、表面工程',
    }),
  ];
  const modes = multiSelect(
    scope,
    'cooperationModes',
    p.fieldModes,
    COOPERATION_MODES.map((m) => ({ value: m, label: m })),
    {
      required: true,
      initial: list(prefill, 'cooperationModes'),
    },
  );
  const place = [
    input(scope, 'region', p.fieldRegion, { initial: text(prefill, 'region') ?? own?.region }),
    input(scope, 'industry', p.fieldIndustry, { initial: text(prefill, 'industry') }),
  ];
  const fields: Element[] =
    kind === 'demand'
      ? [
          organisation,
          ...common('description'),
          input(scope, 'budgetWan', p.fieldBudget, { required: true, initial: text(prefill, 'budgetWan'), placeholder: '200' }),
          modes,
          ...place,
        ]
      : [
          organisation,
          ...common('summary'),
          input(scope, 'keywords', p.fieldKeywords, { initial: text(prefill, 'keywords') }),
          select(
            scope,
            'maturity',
            p.fieldMaturity,
            MATURITY.map((m) => ({ value: m, label: `TRL ${m}` })),
            { required: true, initial: text(prefill, 'maturity') },
          ),
          modes,
          ...place,
        ];
  const problems = options.problems ?? [];
  return card(kind === 'demand' ? p.newDemandTitle : p.newAchievementTitle, problems.length > 0 ? 'red' : 'blue', [
    ...(problems.length > 0 ? [markdown(`${p.fixFields}\n${problems.map((problem) => `- ${e(problem)}`).join('\n')}`)] : []),
    form(scope, [...fields, submitButton(scope, 'submit', p.submit, { v: 1, d: 'submit', kind })]),
  ]);
};

/** The answer to a submission: its reference number, or that it was already received. */
export const submittedCard = (reference: string, title: string, created: boolean, user: BotUser): Record<string, unknown> => {
  const p = phrasesFor(user.language);
  return card(reference, 'green', [markdown(`**${e(title)}**`), markdown(created ? p.submitted(reference) : p.alreadySubmitted(reference))]);
};
