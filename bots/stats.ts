import type * as lark from '@larksuiteoapi/node-sdk';
import { composeFigures, type FiguresRequest } from '../app/figures/report.ts';
import { resolveSubject } from '../app/figures/subject.ts';
import { figuresWorkbook } from '../app/figures/workbook.ts';
import { parsePeriod } from '../app/figures/period.ts';
import { programmeFigures } from '../app/programme-figures.ts';
import { listProgrammes } from '../app/programmes/store.ts';
import { figuresCard } from '../lark/cards/figures.ts';
import { noticeCard } from '../lark/cards/notice.ts';
import { statsCard } from '../lark/cards/stats.ts';
import { escapeMarkdown, type Card } from '../lark/cards/elements.ts';
import { replyWithFile, type LarkFile } from '../lark/files.ts';
import { replyWithCard } from '../lark/replies.ts';
import { figuresWordsFor } from '../notifications/figures-words.ts';
import type { BotUser } from './auth.ts';
import type { Command } from './commands.ts';
import type { BotContext } from './context.ts';
import { asProgrammeTargets } from './targets.ts';

type StatsCommand = Extract<Command, { name: 'stats' }>;

/** The card that answers 统计, and the workbook that follows it when there are programme figures. */
export const answerStats = async (ctx: BotContext, user: BotUser, command: StatsCommand): Promise<{ card: Card; workbook: LarkFile | null }> => {
  const w = figuresWordsFor(user.language);
  const programmes = await listProgrammes(ctx.prisma);
  if (!command.subject && !command.period && programmes.length === 0)
    return { card: statsCard(await programmeFigures(ctx.prisma), ctx.targets, user.language), workbook: null };
  const request: { -readonly [K in keyof FiguresRequest]: FiguresRequest[K] } = {};
  if (command.subject) {
    const subject = await resolveSubject(ctx.prisma, command.subject);
    if (!subject)
      return {
        card: noticeCard(
          w.title(command.subject, null),
          w.unknownSubject(escapeMarkdown(command.subject), programmes.map((p) => p.code).join('、') || w.noProgrammes),
          'orange',
        ),
        workbook: null,
      };
    if ('programme' in subject) request.programme = subject.programme;
    else request.filter = subject.filter;
  }
  if (command.period) request.period = parsePeriod(command.period);
  if (!request.filter) request.fallbackTargets = asProgrammeTargets(ctx.targets);
  const report = await composeFigures(ctx.prisma, request);
  const period = report.period?.label.replace(/[^0-9A-Za-z.-]+/g, '_') ?? 'all';
  return {
    card: figuresCard(report, user.language, { workbook: true }),
    workbook: { name: w.workbookName(report.programme?.code ?? 'ALL', period), bytes: await figuresWorkbook(report) },
  };
};

/** 统计: the card as a reply, then the workbook as a file when there is one. */
export const replyWithStats = async (
  ctx: BotContext,
  client: lark.Client,
  user: BotUser,
  command: StatsCommand,
  received: { messageId: string; eventId: string },
) => {
  const { card, workbook } = await answerStats(ctx, user, command);
  await replyWithCard(client, received.messageId, card, received.eventId);
  if (workbook) await replyWithFile(client, received.messageId, workbook, received.eventId);
};
