import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { z } from 'zod';
import { AchievementSchema, DemandSchema } from '../matching/index.ts';
import { referenceFor, workflowIdFor } from '../domain/reference.ts';
import { maySubmitFor } from '../domain/rules.ts';
import { type Actor } from '../domain/actor.ts';
import { type PartnershipInput } from '../domain/partnership-input.ts';
import type { ProgrammePolicyInput } from '../domain/policy.ts';
import type { partnership } from '../workflows/index.ts';
import {
  EnterpriseAttribute,
  EnterpriseCategoryAttribute,
  IndustryAttribute,
  ProgrammeAttribute,
  RegionAttribute,
  StageAttribute,
  UniversityAttribute,
} from '../workflows/search-attributes.ts';
import type { PrismaClient, Transaction } from '../lib/prisma.ts';
import type { Partnership, Prisma } from '../generated/prisma/client.ts';
import { parseInput, ValidationError } from '../lib/validation.ts';
import { withProgramme } from './programmes/assign.ts';

const Industry = { industry: z.string().trim().min(1).optional() };

/** What a submitter sends: a demand of an enterprise, or an achievement of a university. */
export const SubmissionSchema = z.discriminatedUnion('kind', [
  DemandSchema.omit({ id: true }).extend({ kind: z.literal('demand'), ...Industry }),
  AchievementSchema.omit({ id: true }).extend({ kind: z.literal('achievement'), ...Industry }),
]);
export type Submission = z.input<typeof SubmissionSchema>;

export interface IntakeDependencies {
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly taskQueue: string;
  readonly policy: ProgrammePolicyInput;
}

export interface Submitted {
  readonly reference: string;
  readonly workflowId: string;
  /** False when the same submission had already been received. */
  readonly created: boolean;
}

/** The next reference number of a partnership submitted in `year`. */
export const nextReference = async (tx: Transaction, year: number): Promise<{ number: number; reference: string }> => {
  const [{ number }] = await tx.$queryRaw<[{ number: number }]>`SELECT nextval(pg_get_serial_sequence('"Partnership"', 'number'))::int AS number`;
  return { number, reference: referenceFor(year, number) };
};

/** A partnership row's own fields: everything but its id, number, reference, workflow id and submission key. */
export type PartnershipFields = Omit<Prisma.PartnershipUncheckedCreateInput, 'id' | 'number' | 'reference' | 'workflowId' | 'submissionKey'>;

/**
 * The partnership row a submission key names: found, or numbered P-<year>-<n> and written in one
 * transaction, with whatever `fieldsFor` writes first under its reference (the submitted demand, say).
 */
export const claimPartnershipRow = async (
  prisma: PrismaClient,
  submissionKey: string,
  year: number,
  fieldsFor: (tx: Transaction, reference: string) => Promise<PartnershipFields>,
): Promise<{ row: Partnership; created: boolean }> => {
  let created = false;
  const row = await prisma.$transaction(async (tx) => {
    const existing = await tx.partnership.findUnique({ where: { submissionKey } });
    if (existing) return existing;
    created = true;
    const { number, reference } = await nextReference(tx, year);
    const fields = await withProgramme(tx, await fieldsFor(tx, reference));
    return tx.partnership.create({ data: { ...fields, id: randomUUID(), number, reference, workflowId: workflowIdFor(reference), submissionKey } });
  });
  return { row, created };
};

/** The enterprise a partnership starts with: the demand's, or the one that signed for an achievement on site. */
const startingEnterprise = (input: PartnershipInput) => input.enterprise ?? input.start?.signing?.counterpart ?? null;

/** The managers' filter on the starting enterprise's category; a partnership whose enterprise is not yet known has none. */
const enterpriseCategoryAttribute = async (prisma: PrismaClient, input: PartnershipInput): Promise<SearchAttributePair[]> => {
  const enterprise = startingEnterprise(input);
  if (!enterprise) return [];
  const row = await prisma.organisation.findUnique({ where: { id: enterprise.id }, select: { enterpriseCategory: true } });
  return row?.enterpriseCategory ? [{ key: EnterpriseCategoryAttribute, value: row.enterpriseCategory }] : [];
};

/**
 * Starts a partnership's workflow for its row; one already started counts as started, so a
 * repeated submission or launch finds the same workflow.
 */
export const startPartnershipWorkflow = async (
  deps: Pick<IntakeDependencies, 'prisma' | 'client' | 'taskQueue'>,
  row: Pick<Partnership, 'workflowId' | 'reference' | 'title' | 'kind' | 'region' | 'industry' | 'programmeId'>,
  input: PartnershipInput,
): Promise<void> => {
  const party = row.kind === 'demand' ? input.enterprise! : input.university!;
  const category = await enterpriseCategoryAttribute(deps.prisma, input);
  try {
    await deps.client.workflow.start<typeof partnership>('partnership', {
      workflowId: row.workflowId,
      taskQueue: deps.taskQueue,
      args: [input],
      typedSearchAttributes: [
        { key: StageAttribute, value: input.start ? 'matchmaking' : 'intake' },
        { key: RegionAttribute, value: row.region },
        { key: IndustryAttribute, value: row.industry },
        row.kind === 'demand' ? { key: EnterpriseAttribute, value: party.name } : { key: UniversityAttribute, value: party.name },
        ...category,
        ...(row.programmeId ? [{ key: ProgrammeAttribute, value: row.programmeId }] : []),
      ],
      staticSummary: `${row.reference} · ${row.title} · ${party.name}`,
      staticDetails: [
        `**${row.reference}** ${row.title}`,
        `${row.kind === 'demand' ? 'Enterprise demand (技术需求)' : 'University achievement (科技成果)'} of ${party.name}, ${row.region}, ${row.industry}`,
        input.start ? `Released at docking event ${input.start.eventId}, approved by ${input.start.approvedBy.name}` : `Submitted by ${input.submittedBy.name}`,
      ].join('\n\n'),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
};

/** The same submitter sending the same content twice means one partnership. */
export const defaultSubmissionKey = (submitter: Actor, submission: Submission): string =>
  createHash('sha256')
    .update(JSON.stringify([submitter.personId, submission]))
    .digest('hex')
    .slice(0, 32);

const authorise = (submitter: Actor, kind: Submission['kind'], organisationId: string): void => {
  if (maySubmitFor(kind, organisationId, submitter)) return;
  throw new ValidationError(
    kind === 'demand'
      ? "only a coordinator or the enterprise's own contact can submit its demand"
      : "only a coordinator or the university's own tech-transfer office can submit its achievement",
  );
};

/**
 * Receives a demand or achievement: writes it and its partnership (numbered P-<year>-<n>), then
 * starts the partnership workflow. Repeating a submission, even after a crash between the two
 * steps, finds the row and (re)starts the same workflow; nothing is written twice.
 */
export const submitPartnership = async (
  deps: IntakeDependencies,
  submitter: Actor,
  raw: unknown,
  options: { submissionKey?: string; source?: string; now?: Date } = {},
): Promise<Submitted> => {
  const submission = parseInput(SubmissionSchema, raw, options.source ?? 'submission');
  const industry = submission.industry ?? submission.fields[0];
  if (!industry) throw new ValidationError(`${options.source ?? 'submission'}: industry: give an industry or at least one field`);
  const orgName = submission.kind === 'demand' ? submission.enterprise : submission.university;
  const orgKind = submission.kind === 'demand' ? 'enterprise' : 'university';
  const organisation = await deps.prisma.organisation.findFirst({ where: { name: orgName, kind: orgKind } });
  if (!organisation) {
    throw new ValidationError(`${options.source ?? 'submission'}: ${orgKind}: "${orgName}" is not in the directory; import it first`);
  }
  authorise(submitter, submission.kind, organisation.id);
  const submissionKey = options.submissionKey ?? defaultSubmissionKey(submitter, submission);
  const year = (options.now ?? new Date()).getFullYear();

  const { row, created } = await claimPartnershipRow(deps.prisma, submissionKey, year, async (tx, reference) => {
    const subjectId = `${submission.kind === 'demand' ? 'D' : 'A'}-${reference}`;
    if (submission.kind === 'demand') {
      const { kind: _k, industry: _i, enterprise: _e, ...demand } = submission;
      await tx.demand.create({ data: { id: subjectId, ...demand, keywords: [], enterpriseId: organisation.id } });
    } else {
      const { kind: _k, industry: _i, university: _u, ...achievement } = submission;
      await tx.achievement.create({ data: { id: subjectId, ...achievement, universityId: organisation.id } });
    }
    return {
      kind: submission.kind,
      title: submission.title,
      ...(submission.kind === 'demand' ? { demandId: subjectId, enterpriseId: organisation.id } : { achievementId: subjectId, universityId: organisation.id }),
      region: submission.region,
      industry,
      submittedById: submitter.personId,
    };
  });

  const party = { id: organisation.id, name: organisation.name };
  const input: PartnershipInput = {
    partnershipId: row.id,
    reference: row.reference,
    kind: row.kind,
    subjectId: (row.demandId ?? row.achievementId)!,
    title: row.title,
    summary: submission.kind === 'demand' ? submission.description : submission.summary,
    enterprise: row.kind === 'demand' ? party : null,
    university: row.kind === 'achievement' ? party : null,
    region: row.region,
    industry: row.industry,
    submittedBy: submitter,
    policy: deps.policy,
  };
  await startPartnershipWorkflow(deps, row, input);
  return { reference: row.reference, workflowId: row.workflowId, created };
};
