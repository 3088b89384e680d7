import type { Language } from '../../notifications/content.ts';
import { formatAmount } from '../../notifications/format.ts';
import { WORDS } from '../../notifications/words.ts';
import { STAGES } from '../../domain/vocabulary.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import type { ProgrammeFigures } from '../../app/programme-figures.ts';
import type { ProgrammeTargets } from '../../bots/targets.ts';
import { barChart, markdown } from './elements.ts';
import { card } from './card.ts';

const percent = (value: number, target: number): number => Math.round((value / target) * 1000) / 10;

/** 统计 / stats: a bar chart of partnerships by stage, then dockings, contracts and amount against the targets. */
export const statsCard = (figures: ProgrammeFigures, targets: ProgrammeTargets, language: Language): Record<string, unknown> => {
  const p = phrasesFor(language);
  const w = WORDS[language];
  const count = (n: number) => n.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US');
  const against = (label: string, value: number, target: number, show: (n: number) => string) =>
    `**${label}**${w.colon}${p.ofTarget(show(value), show(target), percent(value, target))}`;
  return card(p.statsTitle, 'blue', [
    barChart(
      p.counts,
      STAGES.map((stage) => ({ label: w.stage[stage], value: figures.byStage[stage] })),
    ),
    markdown(
      [
        against(p.partnerships, figures.partnerships, targets.partnerships, count),
        against(p.dockings, figures.dockings, targets.dockings, count),
        against(p.contracts, figures.contracts, targets.contracts, count),
        against(p.amount, figures.amountCny, targets.amountCny, (n) => formatAmount(n, language)),
      ].join('\n'),
    ),
    markdown(STAGES.map((stage) => `${w.stage[stage]} ${figures.byStage[stage]}`).join(' · ')),
  ]);
};
