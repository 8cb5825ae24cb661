/**
 * The Pulumi program (Pulumi.yaml `main`): `pulumi preview` / `pulumi up` run it for the
 * selected stack. It reads the governance through the project's loader and check, refuses to
 * run on data with errors, and builds the stack from the checked model; the secrets come from
 * the stack's Pulumi config secrets. Exported as a function, which Pulumi calls.
 */
import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { loadChecked, openSource } from '../pipeline';
import { compileValidators } from '../schema/compile';
import { designStack } from './design';
import { VELERO_DEFAULT_PASSWORD } from './names';
import { stackProgram, type StackOutputs } from './program';

/** The repository root: Pulumi runs the program from the folder of Pulumi.yaml. */
const ROOT = path.resolve(__dirname, '..', '..');

export = function main(root: string = ROOT): StackOutputs {
  const today = new Date().toISOString().slice(0, 10);
  const gate = loadChecked(openSource(root), { validators: compileValidators(path.join(ROOT, 'schemas', 'governance')), today });
  if (!gate.ok) {
    const errors = gate.result.findings.filter((f) => f.severity === 'error').slice(0, 10);
    const lines = errors.map((f) => `  ${f.file}:${f.line}:${f.column} [${f.rule}] ${f.message}`).join('\n');
    throw new Error(
      `Die Governance-Daten haben ${gate.result.totals.errors} Fehler; der Stack wird nicht ausgerollt (Einzelheiten: npx verbund check).\n${lines}`,
    );
  }
  const config = new pulumi.Config();
  const design = designStack(gate.model, pulumi.getStack());
  return stackProgram(design, {
    repoPassword: pulumi.secret(repositoryPassword()),
    partnerCredentials: config.requireSecret('sicherungZugang'),
    // Needed only where other members' backups are kept (to restore them): then it must be set.
    ownTargetCredentials: design.backup.kept.length > 0 ? config.requireSecret('sicherungszielZugang') : undefined,
  });
};

/**
 * The repository password, checked before any resource exists: Velero would otherwise fall
 * back to its well-known default, and a restore at the partner depends on this one key.
 */
function repositoryPassword(): string {
  const key = `${pulumi.getProject()}:veleroRepoPasswort`;
  const password = pulumi.runtime.getConfig(key);
  if (password === undefined) throw new Error(`${key} fehlt; bitte setzen: pulumi config set --secret veleroRepoPasswort`);
  if (password === VELERO_DEFAULT_PASSWORD || password.length < 16) {
    throw new Error(`${key} ist Veleros Standardpasswort oder kürzer als 16 Zeichen; bitte ein eigenes, langes Passwort setzen (pulumi config set --secret).`);
  }
  return password;
}
