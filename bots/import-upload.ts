import type * as lark from '@larksuiteoapi/node-sdk';
import { importSigner } from '../app/events/sign.ts';
import { z } from 'zod';
import { isCoordinator } from '../domain/rules.ts';
import { loadConfig } from '../lib/config.ts';
import { noticeCard } from '../lark/cards/notice.ts';
import { importProgressCard, type ImportStage } from '../lark/cards/import-progress.ts';
import { importSummaryCard } from '../lark/cards/import-summary.ts';
import { openIdLookup } from '../lark/contacts.ts';
import { downloadMessageFile, FileTooLargeError, replyWithFile, type LarkFile } from '../lark/files.ts';
import { replyWithCard, replyWithText } from '../lark/replies.ts';
import { importPhrasesFor } from '../notifications/import-phrases.ts';
import { errorWorkbook, importReleases, ImportRefused, templateWorkbook, type ImportReport } from '../releases/index.ts';
import type { BotUser } from './auth.ts';
import { cardProgress, type CardProgress } from './card-progress.ts';
import type { BotContext } from './context.ts';
import { chosenImportEvent } from './import-events.ts';

/** `content` of an `im.message.receive_v1` message of type file. */
export const FileMessageContentSchema = z.object({ file_key: z.string().min(1), file_name: z.string().min(1).max(255) });

/** The message a file came in, and the event id its replies are keyed by. */
export interface ReceivedMessage {
  readonly messageId: string;
  readonly content: string;
  readonly eventId: string;
}

/** 导入模板 / template: the template workbook, as a file, in the person's language. */
export const replyWithTemplate = async (client: lark.Client, user: BotUser, received: Pick<ReceivedMessage, 'messageId' | 'eventId'>): Promise<void> => {
  const name = importPhrasesFor(user.language).templateFileName;
  await replyWithFile(client, received.messageId, { name, bytes: await templateWorkbook(user.language) }, received.eventId);
};

const parseContent = (content: string): z.infer<typeof FileMessageContentSchema> | null => {
  try {
    const parsed = FileMessageContentSchema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/**
 * Checks the whole file first (a dry run); only a file without a problem is then imported, so a
 * file with mistakes writes nothing and the card counts rows twice: checked, then written.
 */
const checkThenImport = async (
  ctx: BotContext,
  user: BotUser,
  file: LarkFile,
  options: { readonly eventId: string | undefined; readonly maxBytes: number },
  show: (stage: ImportStage) => void,
): Promise<ImportReport> => {
  const run = (dryRun: boolean) =>
    importReleases(ctx.prisma, file, {
      ...(options.eventId === undefined ? {} : { eventId: options.eventId }),
      dryRun,
      language: user.language,
      actorId: user.actor.personId,
      // Signings are registered at the event as the coordinator sending the file, as `签约` would.
      ...(dryRun ? {} : { sign: importSigner(ctx.prisma, ctx.client, user.actor) }),
      ...(dryRun || !ctx.lark ? {} : { lookUp: openIdLookup(ctx.lark) }),
      maxBytes: options.maxBytes,
      onProgress: (done, total) => show({ step: 'writing', done, total }),
    });
  show({ step: 'checking' });
  const checked = await run(true);
  return checked.errors.length > 0 ? checked : run(false);
};

/** What the card says when the file was not imported, for each way that can happen. */
const refusalOf = (ctx: BotContext, user: BotUser, fileName: string, error: unknown): string => {
  const p = importPhrasesFor(user.language);
  if (error instanceof ImportRefused) return error.message;
  if (error instanceof FileTooLargeError) return p.tooLarge(fileName, Math.floor(error.limitBytes / 1024 / 1024));
  ctx.log(`bot: importing ${fileName} for ${user.actor.personId} failed: ${(error as Error).message}`);
  return p.failed;
};

/**
 * A file sent to the bot: a coordinator's spreadsheet of releases is imported, into the event they
 * chose with 导入 EVENT-ID when they did. The card answered at once ("处理中") is updated as rows
 * are checked and written; then a summary card follows, and the workbook of problems when there
 * are any. Anyone else is told who imports, and a file refused outright gets its one sentence.
 */
export const receiveImportFile = async (ctx: BotContext, client: lark.Client, user: BotUser, received: ReceivedMessage): Promise<void> => {
  const p = importPhrasesFor(user.language);
  const content = parseContent(received.content);
  if (!content) {
    await replyWithText(client, received.messageId, p.unreadableMessage, received.eventId);
    return;
  }
  if (!isCoordinator(user.actor)) {
    await replyWithText(client, received.messageId, p.onlyCoordinators, received.eventId);
    return;
  }
  const event = chosenImportEvent(ctx, user.openId);
  const drawn = (stage: ImportStage) => importProgressCard({ fileName: content.file_name, event: event?.label ?? null, stage }, user.language);
  const cardId = await replyWithCard(client, received.messageId, drawn({ step: 'downloading' }), received.eventId);
  const progress: CardProgress = cardProgress(client, cardId, ctx.log);
  let report: ImportReport;
  let file: LarkFile;
  try {
    // The import's own limit (IMPORT_MAX_BYTES), checked on Lark's Content-Length before the file is read.
    const maxBytes = loadConfig().IMPORT_MAX_BYTES;
    const bytes = await downloadMessageFile(client, { messageId: received.messageId, fileKey: content.file_key, maxBytes });
    file = { name: content.file_name, bytes };
    report = await checkThenImport(ctx, user, file, { eventId: event?.id, maxBytes }, (stage) => progress.show(drawn(stage)));
  } catch (error) {
    await progress.finish(noticeCard(p.notImportedTitle, refusalOf(ctx, user, content.file_name, error), 'orange'));
    return;
  }
  await progress.finish(drawn({ step: 'finished' }));
  const summary = importSummaryCard(report, { fileName: content.file_name, event: event?.label ?? null }, user.language);
  await replyWithCard(client, received.messageId, summary, `summary:${received.eventId}`);
  if (report.errors.length === 0) return;
  const problems = await errorWorkbook(file, report, user.language);
  await replyWithFile(client, received.messageId, { name: p.errorFileName(content.file_name), bytes: problems }, received.eventId);
};
