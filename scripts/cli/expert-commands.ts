/** `cli expert add|list`: the university experts a 技术服务 / 技术咨询 contract can place in an enterprise. */
import type { Command } from 'commander';
import { addExpert } from '../../app/experts.ts';
import { splitValues } from '../../releases/text.ts';
import type { Services } from '../../lib/services.ts';

type WithServices = <T>(work: (services: Services) => Promise<T>) => Promise<T>;

export const registerExpertCommands = (program: Command, withServices: WithServices): void => {
  const expert = program.command('expert').description('university experts placed in enterprises');
  expert
    .command('add')
    .description('add an expert (or update the one with this id)')
    .requiredOption('--id <id>', 'their directory id, e.g. p-exp-wang')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--university <university>', 'their university: id or full name')
    .requiredOption('--fields <fields>', 'their fields (专业领域), separated by 、 or commas')
    .option('--email <email>', 'their email')
    .option('--lark <open_id>', 'their Lark open_id')
    .option('--lang <language>', 'zh or en', 'zh')
    .action(async (o: { id: string; name: string; university: string; fields: string; email?: string; lark?: string; lang: string }) => {
      await withServices(({ prisma }) =>
        addExpert(prisma, {
          id: o.id,
          name: o.name,
          university: o.university,
          fields: splitValues(o.fields),
          ...(o.email ? { email: o.email } : {}),
          ...(o.lark ? { larkOpenId: o.lark } : {}),
          language: o.lang === 'en' ? 'en' : 'zh',
        }),
      );
      console.log(`expert ${o.id} (${o.name}) saved`);
    });
  expert
    .command('list')
    .description('every expert with their university and fields')
    .action(async () => {
      const experts = await withServices(({ prisma }) =>
        prisma.person.findMany({
          where: { role: 'expert' },
          select: { id: true, name: true, fields: true, organisation: { select: { name: true } } },
          orderBy: { id: 'asc' },
        }),
      );
      for (const e of experts) console.log(`${e.id}  ${e.name}  ${e.organisation?.name ?? '—'}  ${e.fields.join('、')}`);
    });
};
