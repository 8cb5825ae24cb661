import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

/** Numbers start with a sign, a digit or a dot; most scalars are prose and stop here. */
const NUMBER_START = /^[-+.0-9]/;

/** Negative zero has no meaning in governance data; both parsers agree on plain 0. */
const noNegativeZero = (value: number): number => (value === 0 ? 0 : value);

/**
 * The scalar rules of the YAML 1.2 core schema, exactly as the `yaml` library resolves them.
 * js-yaml's own default schema is YAML 1.1-flavoured (it reads 0b1010, 1_000 and 2025-11-27
 * as numbers and dates); dates stay text here, as the JSON Schemas expect.
 */
export const YAML_12_CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:~|[Nn]ull|NULL)?$/.test(text),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
      construct: (text: string) => text[0] === 't' || text[0] === 'T',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: string) => NUMBER_START.test(text) && /^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$/.test(text),
      construct: (text: string) =>
        noNegativeZero(text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10)),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (text: string) =>
        NUMBER_START.test(text) &&
        (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text) ||
          /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) ||
          /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)),
      construct: (text: string) =>
        /nan$/i.test(text) ? NaN : /inf$/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : noNegativeZero(parseFloat(text)),
    }),
  ],
});
