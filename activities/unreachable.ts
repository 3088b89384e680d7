import type { PrismaClient } from '../lib/prisma.ts';

/** The role that speaks for each kind of organisation; parks have nobody to reach. */
const SPEAKER_OF = { university: 'tto_officer', enterprise: 'enterprise_contact' } as const;

const reachable = (person: { larkOpenId: string | null; email: string | null }): boolean => person.larkOpenId !== null || person.email !== null;

export interface Unreachable {
  /** Universities with no reachable tech-transfer officer, enterprises with no reachable contact. */
  readonly organisations: { name: string; kind: keyof typeof SPEAKER_OF }[];
  /** People with neither a Lark open_id nor an email. */
  readonly people: { name: string; organisation?: string }[];
}

/** Who the programme cannot reach, from the directory as it stands. */
export const findUnreachable = async (prisma: PrismaClient): Promise<Unreachable> => {
  const [organisations, people] = await Promise.all([
    prisma.organisation.findMany({
      where: { kind: { in: ['university', 'enterprise'] } },
      select: { name: true, kind: true, people: { select: { role: true, larkOpenId: true, email: true } } },
      orderBy: { name: 'asc' },
    }),
    prisma.person.findMany({
      where: { larkOpenId: null, email: null },
      select: { name: true, organisation: { select: { name: true } } },
      orderBy: { name: 'asc' },
    }),
  ]);
  return {
    organisations: organisations.flatMap((o) => {
      if (o.kind === 'park') return [];
      const speaker = SPEAKER_OF[o.kind];
      return o.people.some((p) => p.role === speaker && reachable(p)) ? [] : [{ name: o.name, kind: o.kind }];
    }),
    people: people.map((p) => ({ name: p.name, ...(p.organisation ? { organisation: p.organisation.name } : {}) })),
  };
};
