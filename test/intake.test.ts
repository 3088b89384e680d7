import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitPartnership, type IntakeDependencies, type Submission } from '../app/intake.ts';
import { ValidationError } from '../lib/validation.ts';
import { workflowIdFor } from '../domain/reference.ts';
import { createHarness, FAST_POLICY, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';

let h: Harness;
let deps: IntakeDependencies;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
  deps = { prisma: h.prisma, client: h.client, taskQueue: h.taskQueue, policy: FAST_POLICY };
});
afterAll(async () => {
  await h?.close();
});

const rows = async () => ({
  partnerships: await h.prisma.partnership.count(),
  demands: await h.prisma.demand.count(),
  achievements: await h.prisma.achievement.count(),
});

/** Submits something that must be refused: the error names the problem, and nothing is written. */
const expectRefusedSubmission = async (as: string, submission: unknown, message: string | RegExp): Promise<void> => {
  const before = await rows();
  const submitting = submitPartnership(deps, await h.actor(as), submission);
  await expect(submitting).rejects.toBeInstanceOf(ValidationError);
  await expect(submitting).rejects.toThrow(message);
  expect(await rows()).toEqual(before);
};

describe('intake', () => {
  it('refuses a malformed or unauthorised submission, naming the problem and writing nothing', async () => {
    const { title: _title, ...untitled } = ROLL_WEAR_DEMAND;
    await expectRefusedSubmission('contact-steel', untitled, /^submission: title: /);
    await expectRefusedSubmission('contact-steel', { ...ROLL_WEAR_DEMAND, title: '   ' }, /^submission: title: /);
    await expectRefusedSubmission('contact-steel', { ...ROLL_WEAR_DEMAND, cooperationModes: ['入股'] }, /^submission: cooperationModes\[0\]: /);
    await expectRefusedSubmission('contact-steel', { ...ROLL_WEAR_DEMAND, kind: 'request' }, /^submission: kind: /);
    await expectRefusedSubmission(
      'contact-steel',
      { ...ROLL_WEAR_DEMAND, enterprise: '不存在的钢铁公司' },
      'submission: enterprise: "不存在的钢铁公司" is not in the directory; import it first',
    );
    // A university's office cannot submit an enterprise's demand, nor another enterprise's contact.
    await expectRefusedSubmission('tto-neu', ROLL_WEAR_DEMAND, "only a coordinator or the enterprise's own contact can submit its demand");
    await expectRefusedSubmission('contact-petfood', ROLL_WEAR_DEMAND, "only a coordinator or the enterprise's own contact can submit its demand");
    await expectRefusedSubmission('manager', ROLL_WEAR_DEMAND, "only a coordinator or the enterprise's own contact can submit its demand");
    await expectRefusedSubmission(
      'contact-steel',
      {
        kind: 'achievement',
        university: '东北大学',
        title: '成果',
        summary: '摘要',
        fields: ['冶金'],
        keywords: [],
        maturity: 5,
        cooperationModes: ['许可'],
        region: '辽宁省',
      },
      "only a coordinator or the university's own tech-transfer office can submit its achievement",
    );
  });

  it('numbers a submission P-<year>-<six digits> and starts its workflow', async () => {
    const submission: Submission = { ...ROLL_WEAR_DEMAND, title: '受理测试：编号' };
    const submitted = await submitPartnership(deps, await h.actor('contact-steel'), submission);
    expect(submitted.reference).toMatch(new RegExp(`^P-${new Date().getFullYear()}-\\d{6}$`));
    expect(submitted).toEqual({ reference: submitted.reference, workflowId: workflowIdFor(submitted.reference), created: true });
    const row = await h.prisma.partnership.findUniqueOrThrow({ where: { reference: submitted.reference }, include: { demand: true } });
    expect(row).toMatchObject({
      kind: 'demand',
      title: '受理测试：编号',
      enterpriseId: 'e-steel',
      industry: '冶金',
      region: '辽宁省',
      submittedById: 'contact-steel',
    });
    expect(row.demand?.title).toBe('受理测试：编号');
    expect((await h.waitFor(submitted.reference, (s) => s.stage === 'review')).submittedBy.personId).toBe('contact-steel');
  });

  it('treats the same submission sent twice as one partnership', async () => {
    const submission: Submission = { ...ROLL_WEAR_DEMAND, title: '受理测试：重复提交' };
    const contact = await h.actor('contact-steel');
    const first = await submitPartnership(deps, contact, submission);
    const runId = (await h.client.workflow.getHandle(first.workflowId).describe()).runId;
    const before = await rows();

    const again = await submitPartnership(deps, contact, submission);
    expect(again).toEqual({ ...first, created: false });
    expect(await rows()).toEqual(before);
    expect(await h.prisma.partnership.count({ where: { title: submission.title } })).toBe(1);
    const description = await h.client.workflow.getHandle(first.workflowId).describe();
    expect(description.runId).toBe(runId);
    const history = await h.client.workflow.getHandle(first.workflowId).fetchHistory();
    expect(history.events?.filter((e) => e.workflowExecutionStartedEventAttributes)).toHaveLength(1);

    // Someone else sending the same text is a different submission.
    const coordinator = await submitPartnership(deps, await h.actor('coord'), submission);
    expect(coordinator.created).toBe(true);
    expect(coordinator.reference).not.toBe(first.reference);
  });

  it('starts the workflow on a repeat when the first attempt wrote the row but could not start it', async () => {
    const submission: Submission = { ...ROLL_WEAR_DEMAND, title: '受理测试：启动失败后重试' };
    const contact = await h.actor('contact-steel');
    const unreachable = { workflow: { start: () => Promise.reject(new Error('14 UNAVAILABLE: connection refused')) } } as unknown as Client;
    await expect(submitPartnership({ ...deps, client: unreachable }, contact, submission)).rejects.toThrow('UNAVAILABLE');
    const row = await h.prisma.partnership.findFirstOrThrow({ where: { title: submission.title } });

    const retried = await submitPartnership(deps, contact, submission);
    expect(retried).toEqual({ reference: row.reference, workflowId: row.workflowId, created: false });
    expect((await h.waitFor(row.reference, (s) => s.stage === 'review')).reference).toBe(row.reference);
    expect(await h.prisma.partnership.count({ where: { title: submission.title } })).toBe(1);
  });
});
