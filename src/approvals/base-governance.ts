import { createHash } from 'node:crypto';
import type { Model } from '../model/model';
import type { BaseGovernance } from './evaluate';

/** Reads a file of the base commit (bytes), for the record of what the decision rests on. */
type ReadFile = (path: string) => Buffer | undefined;

/** Whether a file is one an approval decision rests on: the rules, the Verbund, a member (identities, delegations) or a body. */
export function isBasisFile(path: string): boolean {
  return (
    path === 'policies/freigaberegeln.yaml' ||
    path === 'governance/verbund.yaml' ||
    path.startsWith('governance/mitglieder/') ||
    path.startsWith('governance/gremien/')
  );
}

/**
 * The governance of the base commit with the SHA-256 of every file the decision rests on:
 * the approval rules, the Verbund, every member (identities, delegations) and every body.
 */
export function baseGovernance(model: Model, read: ReadFile): BaseGovernance {
  const files = new Set<string>(['policies/freigaberegeln.yaml', 'governance/verbund.yaml']);
  for (const item of [...model.mitglieder, ...model.gremien]) files.add(model.fileOf(item));
  const basis = [...files].sort().flatMap((path) => {
    const bytes = read(path);
    return bytes ? [{ path, sha256: createHash('sha256').update(bytes).digest('hex') }] : [];
  });
  return { model, basis };
}
