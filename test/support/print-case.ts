// Dev aid: prints the findings of one rule fixture in expected.yaml's line format, to review
// before writing them into expected.yaml. Usage: npx ts-node -T test/support/print-case.ts <case dir>
import path from 'node:path';
import { checkGovernance } from '../../src/pipeline';
import { compileValidators } from '../../src/schema/compile';
import { caseOptions, materialize, readExpected } from '../fixture-cases';

const dir = path.resolve(process.argv[2]!);
const root = materialize(dir, readExpected(dir));
const validators = compileValidators(path.join(__dirname, '..', '..', 'schemas', 'governance'));
const result = checkGovernance(root, { validators, today: '2026-11-21', ...caseOptions(path.basename(path.dirname(dir)), validators) });
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
for (const f of result.findings) {
  console.log(`  - { rule: ${f.rule}, file: ${f.file}, line: ${f.line}, column: ${f.column}, severity: ${f.severity}, message: ${quote(f.message)} }`);
}
