import type { ErrorObject } from 'ajv';
import type { Kind } from './kinds';

/** A compiled schema validator, as Ajv produces it (at run time or ahead of time). */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type Validators = Record<Kind, Validator>;

/** The validators compiled ahead of time by scripts/build.js (only present in dist/). */
export function precompiledValidators(): Validators {
  return require('./validators.generated.js') as Validators;
}
