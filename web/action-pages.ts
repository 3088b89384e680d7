/**
 * The pages behind the action links in emails: GET /act/<token> shows the partnership to the
 * person the link names, with a form for what awaits them; POST makes that decision as them,
 * through the same checks and Temporal update as a Lark card. GET /act/style.css is their style.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { z } from 'zod';
import { payloadFromForm, prepareDecision } from '../app/decision-fields.ts';
import { executeUpdate } from '../app/execute-update.ts';
import type { FormFields } from '../app/form-values.ts';
import type { Actor } from '../domain/actor.ts';
import { workflowIdFor } from '../domain/reference.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { mediaTypeOf, readBody } from '../lib/request-body.ts';
import { refusalOf } from '../lib/update-refusal.ts';
import type { Language } from '../notifications/content.ts';
import { DECISION_WORDS } from '../notifications/decision-words.ts';
import { describeRefusal } from '../notifications/refusal-words.ts';
import { queryStatus } from '../bots/queries.ts';
import type { PartnershipStatus } from '../workflows/state.ts';
import { csrfTokenFor, isCsrfToken, isExpired, verifyLink, type LinkClaims } from './link-token.ts';
import { awaitedHere, messagePage, offeredDecisions, partnershipPage, type Notice } from './page-view.ts';
import { PAGE_WORDS } from './page-words.ts';
import { sendPage, sendStylesheet, sendText } from './render.ts';

/** A decision's form is small; the longest field (terms, milestones) is 5,000 characters. */
const MAX_FORM_BYTES = 64 * 1024;
const PREFIX = '/act/';

export const isActionPagePath = (path: string): boolean => path.startsWith(PREFIX);

export interface ActionPagesDependencies {
  readonly client: Client;
  readonly prisma: PrismaClient;
  readonly secret: string;
  readonly log: (line: string) => void;
  readonly now: () => Date;
}

export type ActionPages = (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void>;

/** What a form posts besides its fields. */
const PostSchema = z.object({
  csrf: z.string().min(1).max(100),
  at: z.string().regex(/^\d{1,9}$/),
  decision: z.string().min(1).max(40),
  variant: z.string().min(1).max(40),
});

interface Visit {
  readonly token: string;
  readonly claims: LinkClaims;
  readonly actor: Actor;
  readonly language: Language;
  readonly status: PartnershipStatus;
}

/** Every value a form posted, by name; a name posted more than once (checkboxes) as a list. */
const fieldsOf = (params: URLSearchParams): FormFields =>
  Object.fromEntries(
    [...new Set(params.keys())].map((name) => {
      const values = params.getAll(name);
      return [name, values.length === 1 ? values[0] : values];
    }),
  );

/** One update id per link and drawing of the form: a double submit, or a retry, is one decision. */
const updateIdFor = (token: string, at: string): string => `web:${createHash('sha256').update(token).digest('base64url').slice(0, 32)}:${at}`;

export const createActionPages = (deps: ActionPagesDependencies): ActionPages => {
  const bilingual = (pick: (words: (typeof PAGE_WORDS)['zh']) => string) => `${pick(PAGE_WORDS.zh)} / ${pick(PAGE_WORDS.en)}`;

  const show = (response: ServerResponse, statusCode: number, visit: Visit, options: { mayAct: boolean; notice?: Notice; prefill?: FormFields }): void =>
    sendPage(
      response,
      statusCode,
      partnershipPage(visit.status, {
        language: visit.language,
        actor: visit.actor,
        claims: visit.claims,
        csrf: csrfTokenFor(visit.token, deps.secret),
        ...options,
      }),
    );

  /** The link's person and partnership, or the answer already sent when there are none. */
  const visitOf = async (token: string, response: ServerResponse): Promise<Visit | null> => {
    const claims = verifyLink(token, deps.secret);
    const person = claims ? await deps.prisma.person.findUnique({ where: { id: claims.p } }) : null;
    if (!claims || !person) {
      sendPage(
        response,
        403,
        messagePage(
          'zh',
          bilingual((w) => w.forged),
        ),
      );
      return null;
    }
    const actor: Actor = { personId: person.id, name: person.name, role: person.role, organisationId: person.organisationId };
    try {
      return { token, claims, actor, language: person.language, status: await queryStatus(deps.client, claims.r) };
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      sendPage(response, 404, messagePage(person.language, PAGE_WORDS[person.language].notFound));
      return null;
    }
  };

  const post = async (request: IncomingMessage, response: ServerResponse, visit: Visit): Promise<void> => {
    const words = PAGE_WORDS[visit.language];
    const error = (text: string, problems: readonly string[] = []): Notice => ({ tone: 'error', text, problems });
    if (mediaTypeOf(request.headers['content-type']) !== 'application/x-www-form-urlencoded') {
      return show(response, 415, visit, { mayAct: false, notice: error(words.badRequest) });
    }
    const body = await readBody(request, MAX_FORM_BYTES);
    if (body === null) return show(response, 413, visit, { mayAct: false, notice: error(words.tooLarge) });
    const params = new URLSearchParams(body);
    const fields = fieldsOf(params);
    if (!isCsrfToken(params.get('csrf') ?? undefined, visit.token, deps.secret))
      return show(response, 403, visit, { mayAct: false, notice: error(words.csrf) });
    if (isExpired(visit.claims, deps.now())) return show(response, 410, visit, { mayAct: false, notice: { tone: 'info', text: words.expired, problems: [] } });
    const awaiting = awaitedHere(visit.status, visit.claims, visit.actor);
    if (awaiting.length === 0) return show(response, 200, visit, { mayAct: true });
    const form = PostSchema.safeParse(fields);
    const chosen = form.success
      ? awaiting.flatMap((a) =>
          offeredDecisions(visit.status, a, visit.actor).flatMap(({ decision, variants }) =>
            decision.name === form.data.decision
              ? variants.filter((v) => v.id === form.data.variant).map((variant) => ({ decision, variant, awaited: a }))
              : [],
          ),
        )[0]
      : undefined;
    if (!form.success || !chosen) return show(response, 400, visit, { mayAct: true, notice: error(words.badRequest), prefill: fields });
    const { decision, variant, awaited } = chosen;
    const subject = decision.form.subject;
    const values = { ...variant.set, ...(subject ? { [subject.key]: subject.kind === 'number' ? Number(awaited.subject) : awaited.subject } : {}) };
    const prepared = prepareDecision(decision, payloadFromForm(decision, values, fields, visit.actor), visit.language);
    if (!prepared.ok) return show(response, 422, visit, { mayAct: true, notice: error(words.fixFields, prepared.problems), prefill: fields });
    const handle = deps.client.workflow.getHandle(workflowIdFor(visit.claims.r));
    try {
      const status = await executeUpdate(handle, prepared.update, { args: [prepared.payload], updateId: updateIdFor(visit.token, form.data.at) });
      const done = DECISION_WORDS[visit.language].decisions[decision.name].done[variant.id];
      const what = typeof done === 'function' ? done(awaited.subject ?? '') : (done ?? variant.id);
      return show(response, 200, { ...visit, status }, { mayAct: true, notice: { tone: 'success', text: words.done(what), problems: [] } });
    } catch (failure) {
      const refusal = refusalOf(failure);
      if (refusal) {
        const status = await queryStatus(deps.client, visit.claims.r);
        return show(
          response,
          422,
          { ...visit, status },
          { mayAct: true, notice: error(`${words.refused}${describeRefusal(refusal, visit.language)}`), prefill: fields },
        );
      }
      deps.log(`web: a decision on ${visit.claims.r} failed: ${(failure as Error).message}`);
      return show(response, 500, visit, { mayAct: false, notice: error(words.failed) });
    }
  };

  return async (request, response, path) => {
    if (path === `${PREFIX}style.css`) return sendStylesheet(response);
    if (request.method !== 'GET' && request.method !== 'POST') return sendText(response, 405, 'GET or POST', { allow: 'GET, POST' });
    const visit = await visitOf(path.slice(PREFIX.length), response);
    if (!visit) return;
    if (request.method === 'POST') return post(request, response, visit);
    const expired = isExpired(visit.claims, deps.now());
    if (expired) return show(response, 410, visit, { mayAct: false, notice: { tone: 'info', text: PAGE_WORDS[visit.language].expired, problems: [] } });
    show(response, 200, visit, { mayAct: true });
  };
};
