import fs from 'node:fs';
import path from 'node:path';
import { CODEOWNERS_FILE, codeownersText } from '../../approvals/codeowners';
import { EXIT_FINDINGS, EXIT_OK, type CommandIo } from '../io';
import { checkedDate, checkedModelFor, sourceFor } from './checked-model';

/**
 * `verbund codeowners [--check]`: writes .github/CODEOWNERS from the approval rules and the
 * identities; with --check it only compares and fails on drift (for CI).
 */
export async function codeownersCommand(args: { root: string; rev?: string; check?: boolean }, io: CommandIo): Promise<number> {
  const checked = checkedModelFor(sourceFor(args.root, args.rev), io, checkedDate(undefined));
  if (!checked) return EXIT_FINDINGS;
  const wanted = codeownersText(checked.model);
  const file = path.join(args.root, CODEOWNERS_FILE);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (args.check) {
    if (current === wanted) return EXIT_OK;
    io.err(
      `verbund: ${CODEOWNERS_FILE} passt nicht zu den Freigaberegeln und Mitgliedern; bitte „npx verbund codeowners“ ausführen und die Datei committen.\n`,
    );
    return EXIT_FINDINGS;
  }
  if (current !== wanted) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written beside and renamed: a reader never sees half a file.
    fs.writeFileSync(`${file}.tmp`, wanted);
    fs.renameSync(`${file}.tmp`, file);
  }
  io.out(`${CODEOWNERS_FILE} ${current === wanted ? 'ist aktuell' : 'geschrieben'}.\n`);
  return EXIT_OK;
}
