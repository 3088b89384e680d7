/**
 * A payload spec (domain/payload-spec.ts) as a zod schema, for the checks the bot, the CLI and web
 * pages make before anything reaches a workflow: the same fields and rules, zod's messages.
 */
import { z } from 'zod';
import { isDue, type Spec } from '../domain/payload-spec.ts';

const ISO_DUE_ERROR = 'expected a date or an ISO instant with offset';

const withMessage = (message: string | undefined) => (message ? { error: message } : {});

const base = (spec: Spec): z.ZodType => {
  switch (spec.kind) {
    case 'text':
      return z.string(withMessage(spec.message)).trim().min(1, withMessage(spec.message)).max(spec.max);
    case 'enum':
      return z.enum(spec.values, withMessage(spec.message));
    case 'number': {
      let number = z.number(withMessage(spec.message));
      if (spec.integer) number = number.int();
      number = spec.positive ? number.positive() : number.nonnegative();
      return spec.max === undefined ? number : number.max(spec.max);
    }
    case 'date':
      return z.iso.date(withMessage(spec.message));
    case 'due':
      // The workflow's own check, which also takes +0800 and an instant without seconds (zod's ISO forms do not).
      return z.string({ error: spec.message ?? ISO_DUE_ERROR }).refine(isDue, { error: spec.message ?? ISO_DUE_ERROR });
    case 'link':
      return z.url({ protocol: /^https?$/, ...withMessage(spec.message) });
    case 'nullable':
      return toZod(spec.item).nullable();
    case 'list': {
      let list = z.array(toZod(spec.item));
      if (spec.min !== undefined) list = list.min(spec.min, withMessage(spec.minMessage));
      return spec.max === undefined ? list : list.max(spec.max);
    }
    case 'object': {
      const shape = Object.fromEntries(Object.entries<Spec>(spec.fields).map(([key, field]) => [key, toZod(field)]));
      return z.object(shape).superRefine((value, context) => {
        for (const rule of spec.rules) if (!rule.holds(value)) context.addIssue({ code: 'custom', path: [rule.path], message: rule.message });
      });
    }
  }
};

/** The spec as a zod schema; an optional field accepts undefined. */
export const toZod = (spec: Spec): z.ZodType => (spec.optional ? base(spec).optional() : base(spec));
