// This repository's .github/CODEOWNERS is generated from its approval rules and members.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { codeownersText } from '../../../src/approvals/codeowners';
import { MODEL, ROOT } from './quelle';

it('.github/CODEOWNERS is up to date with policies/freigaberegeln.yaml and the members (npx verbund codeowners)', () => {
  expect(fs.readFileSync(path.join(ROOT, '.github', 'CODEOWNERS'), 'utf8')).toBe(codeownersText(MODEL));
});
