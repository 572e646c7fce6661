// Validation of command-line options at the boundary (zod): a bad option becomes a usage error (exit 2).
import { z } from 'zod';
import { InvalidArgumentError } from 'commander';

export const DateOption = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)), 'not a calendar date');

export function parseDateOption(v: string): string {
  const r = DateOption.safeParse(v);
  if (!r.success) throw new InvalidArgumentError(`"${v}" is not a date; use YYYY-MM-DD, e.g. --date 2025-06-14`);
  return v;
}

export function choice<T extends string>(values: readonly T[]): (v: string) => T {
  return (v: string) => {
    if (!(values as readonly string[]).includes(v)) throw new InvalidArgumentError(`"${v}" is not one of ${values.join(', ')}`);
    return v as T;
  };
}

export function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}
