import { createEvent } from '../../app/events/create.ts';
import { eventHandle } from '../../app/events/handle.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import { FAST_POLICY, PET_FOOD_DEMAND, ROLL_WEAR_DEMAND, type Harness } from '../support/harness.ts';

/** Demands released at the event as the release import writes them: rows with the event and the organiser who approved them. */
export const releaseDemands = async (prisma: PrismaClient, eventId: string, prefix: string): Promise<{ roll: string; petFood: string; late: string }> => {
  const ids = { roll: `${prefix}-D1`, petFood: `${prefix}-D2`, late: `${prefix}-D3` };
  const release = { eventId, approvedById: 'coord', keywords: [] };
  await prisma.demand.createMany({
    data: [
      { id: ids.roll, enterpriseId: 'e-steel', ...pick(ROLL_WEAR_DEMAND), ...release, releaseNumber: `${prefix}-R1` },
      { id: ids.petFood, enterpriseId: 'e-petfood', ...pick(PET_FOOD_DEMAND), ...release, releaseNumber: `${prefix}-R2` },
      {
        id: ids.late,
        enterpriseId: 'e-steel',
        title: '包装印刷套色偏差大',
        description: '多色凹版印刷套印偏差超标，废品率高，希望改进张力控制与色标检测。',
        fields: ['印刷'],
        cooperationModes: ['技术服务'],
        region: '辽宁省',
        budgetWan: 80,
        ...release,
        releaseNumber: `${prefix}-R3`,
      },
    ],
  });
  return ids;
};

const pick = (submission: typeof ROLL_WEAR_DEMAND) => {
  if (submission.kind !== 'demand') throw new TypeError('a demand');
  return {
    title: submission.title,
    description: submission.description,
    fields: submission.fields,
    cooperationModes: submission.cooperationModes,
    region: submission.region,
    budgetWan: submission.budgetWan ?? null,
  };
};

/** A docking event on the harness's queue, created by the fixture coordinator. */
export const createTestEvent = async (h: Harness, id: string) => {
  await createEvent({ prisma: h.prisma, client: h.client, taskQueue: h.taskQueue, policy: FAST_POLICY }, await h.actor('coord'), {
    id,
    name: '辽宁省千校万企协同创新对接会',
    startsOn: '2026-12-10',
    endsOn: '2026-12-11',
    place: '沈阳',
    hostKind: 'region',
    host: '辽宁',
    programme: '千校万企',
    coordinatorIds: ['coord'],
  });
  return eventHandle(h.prisma, h.client, id);
};
