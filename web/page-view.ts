/**
 * What an action page shows, as data for its template: the partnership as the person may see it
 * and, while the link's action still awaits them, a form for each decision that answers it, drawn
 * from the decision registry's form variants (the same the Lark cards draw).
 */
import { fieldName, maxLengthOf } from '../app/decision-fields.ts';
import type { FormFields } from '../app/form-values.ts';
import type { Actor } from '../domain/actor.ts';
import type { DecisionVariant, FormField } from '../domain/decision-forms.ts';
import { concerns } from '../lark/cards/decision-sections.ts';
import type { Fact, Language } from '../notifications/content.ts';
import { DECISION_WORDS } from '../notifications/decision-words.ts';
import { formatTime } from '../notifications/format.ts';
import { WORDS } from '../notifications/words.ts';
import { DECISIONS, type AnyDecision } from '../workflows/decisions/index.ts';
import type { Awaiting, PartnershipStatus } from '../workflows/state.ts';
import type { LinkClaims } from './link-token.ts';
import { PAGE_WORDS, type PageWords } from './page-words.ts';

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

export interface PageField {
  readonly name: string;
  readonly label: string;
  readonly control: 'input' | 'textarea' | 'select' | 'checkboxes' | 'date';
  readonly required: boolean;
  readonly maxLength?: number | undefined;
  readonly placeholder?: string | undefined;
  readonly value: string;
  readonly options: readonly Option[];
  readonly inputMode?: 'decimal' | 'url' | undefined;
}

export interface PageForm {
  readonly decision: string;
  readonly fields: readonly PageField[];
  readonly buttons: readonly { readonly variant: string; readonly label: string; readonly style: string }[];
}

export interface PageSection {
  readonly prompt: string;
  readonly about: readonly string[];
  readonly forms: readonly PageForm[];
}

export interface Notice {
  readonly tone: 'success' | 'error' | 'info';
  readonly text: string;
  readonly problems: readonly string[];
}

export interface PageView {
  readonly lang: string;
  readonly title: string;
  readonly words: PageWords;
  readonly notice: Notice | null;
  readonly facts: readonly Fact[];
  readonly sections: readonly PageSection[];
  /** The form's hidden values: the CSRF token and the state the form was drawn on. */
  readonly hidden: Readonly<Record<string, string>>;
}

/** The awaited actions the link names that still await this person. */
export const awaitedHere = (status: PartnershipStatus, claims: LinkClaims, actor: Actor): Awaiting[] =>
  status.awaiting.filter((a) => a.action === claims.a && (claims.s === undefined || a.subject === claims.s) && concerns(status, a, actor, 'own'));

/** The decisions that answer an awaited action, with the variants offered to this person. */
export const offeredDecisions = (status: PartnershipStatus, awaiting: Awaiting, actor: Actor): { decision: AnyDecision; variants: DecisionVariant[] }[] =>
  DECISIONS.filter((decision) => decision.answers === awaiting.action)
    .map((decision) => ({ decision, variants: decision.form.variants.filter((v) => !v.offeredTo || v.offeredTo(status, actor)) }))
    .filter((offer) => offer.variants.length > 0);

/** The version of the state a form is drawn on: a double submit of one drawing is one decision. */
export const stateVersion = (status: PartnershipStatus): number => status.history.at(-1)?.seq ?? 0;

const prefilled = (prefill: FormFields, name: string): string | undefined => {
  const value = prefill[name];
  return typeof value === 'string' ? value : undefined;
};

const pageField = (decision: AnyDecision, field: FormField, status: PartnershipStatus, language: Language, prefill: FormFields): PageField => {
  const words = DECISION_WORDS[language];
  const name = fieldName(field);
  const typed = prefilled(prefill, name);
  const value = typed ?? (field.current ? status[field.current] : '');
  const chosen = new Set([prefill[name]].flat().filter((v): v is string => typeof v === 'string'));
  const choiceValues = field.choices === 'candidates' ? status.candidates.map((c) => c.id) : (field.choices ?? []);
  const label = (v: string) => {
    const candidate = field.choices === 'candidates' ? status.candidates.find((c) => c.id === v) : undefined;
    return candidate ? `${candidate.counterpart.name} — ${candidate.title}` : (words.choices[field.key]?.[v] ?? v);
  };
  const control =
    field.kind === 'choice'
      ? 'select'
      : field.kind === 'choices'
        ? 'checkboxes'
        : field.kind === 'date'
          ? 'date'
          : field.kind === 'text' || field.kind === 'amount'
            ? 'input'
            : 'textarea';
  return {
    name,
    label: words.fields[field.key] ?? field.key,
    control,
    required: field.required ?? false,
    maxLength: field.maxLength ?? maxLengthOf(decision, field.key),
    placeholder: words.hints[field.key] ?? field.hint,
    value,
    options: choiceValues.map((v) => ({ value: v, label: label(v), selected: chosen.has(v) })),
    inputMode: field.kind === 'amount' ? 'decimal' : field.hint === 'https://' ? 'url' : undefined,
  };
};

const sectionOf = (status: PartnershipStatus, awaiting: Awaiting, actor: Actor, language: Language, prefill: FormFields): PageSection[] =>
  offeredDecisions(status, awaiting, actor).map(({ decision, variants }) => {
    const words = DECISION_WORDS[language].decisions[decision.name];
    const candidate = decision.form.subject?.key === 'candidateId' ? status.candidates.find((c) => c.id === awaiting.subject) : undefined;
    const proposal = status.proposals.findLast((p) => p.candidateId === awaiting.subject);
    const milestone = decision.form.subject?.key === 'milestone' ? status.milestones.find((m) => String(m.seq) === awaiting.subject) : undefined;
    const groups = new Map<string, DecisionVariant[]>();
    for (const variant of variants) {
      const key = variant.fields.map((f) => f.key).join(',');
      groups.set(key, [...(groups.get(key) ?? []), variant]);
    }
    return {
      prompt: words.prompt({
        maxProposals: status.candidates.length,
        counterpart: proposal?.counterpart.name ?? candidate?.counterpart.name,
        milestone: milestone ? { seq: milestone.seq, title: milestone.title, dueAt: milestone.dueAt } : undefined,
      }),
      about: candidate ? [candidate.title, ...candidate.reasons] : [],
      forms: [...groups.values()].map((group) => ({
        decision: decision.name,
        fields: group[0]!.fields.map((field) => pageField(decision, field, status, language, prefill)),
        buttons: group.map((variant) => ({ variant: variant.id, label: words.buttons[variant.id] ?? variant.id, style: variant.style ?? 'primary' })),
      })),
    };
  });

/** The other party, as this person sees it. */
const counterpartOf = (status: PartnershipStatus, actor: Actor): string | undefined =>
  [status.university, status.enterprise].find((party) => party !== null && party.id !== actor.organisationId)?.name;

const factsOf = (status: PartnershipStatus, awaiting: readonly Awaiting[], actor: Actor, language: Language): Fact[] => {
  const w = WORDS[language];
  const counterpart = counterpartOf(status, actor);
  const deadline = awaiting.find((a) => a.deadline)?.deadline;
  return [
    { label: w.label.reference, value: status.reference },
    { label: w.label.title, value: status.title },
    { label: w.label.stage, value: w.stage[status.stage] },
    ...(counterpart ? [{ label: w.label.counterpart, value: counterpart }] : []),
    ...(awaiting.length > 0
      ? [{ label: PAGE_WORDS[language].awaited, value: [...new Set(awaiting.map((a) => w.action[a.action]))].join(w.colon === '：' ? '、' : ', ') }]
      : []),
    ...(deadline ? [{ label: w.label.deadline, value: formatTime(deadline, language) }] : []),
    ...(status.outcome?.reason ? [{ label: w.label.reason, value: status.outcome.reason }] : []),
  ];
};

export interface ViewOptions {
  readonly language: Language;
  readonly actor: Actor;
  readonly claims: LinkClaims;
  /** False on an expired link: the state without a form. */
  readonly mayAct: boolean;
  readonly notice?: Notice | null;
  readonly prefill?: FormFields;
  readonly csrf: string;
}

/** The page of a partnership for the person a link names. */
export const partnershipPage = (status: PartnershipStatus, options: ViewOptions): PageView => {
  const { language, actor } = options;
  const awaiting = awaitedHere(status, options.claims, actor);
  const sections = options.mayAct ? awaiting.flatMap((a) => sectionOf(status, a, actor, language, options.prefill ?? {})) : [];
  const words = PAGE_WORDS[language];
  const notice = options.notice ?? (options.mayAct && sections.length === 0 ? { tone: 'info' as const, text: words.nothingAwaited, problems: [] } : null);
  return {
    lang: language === 'zh' ? 'zh-CN' : 'en',
    title: `${status.reference} ${status.title}`,
    words,
    notice,
    facts: factsOf(status, awaiting, actor, language),
    sections,
    hidden: { csrf: options.csrf, at: String(stateVersion(status)) },
  };
};

/** A page with only a message: a forged link, an unknown partnership. */
export const messagePage = (language: Language, text: string): PageView => ({
  lang: language === 'zh' ? 'zh-CN' : 'en',
  title: PAGE_WORDS[language].platform,
  words: PAGE_WORDS[language],
  notice: { tone: 'error', text, problems: [] },
  facts: [],
  sections: [],
  hidden: {},
});
