import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { scaffold, type InitAnswers } from '../../init/scaffold';
import { checkSource, openSource } from '../../pipeline';
import { precompiledValidators } from '../../schema/validators';
import { EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { checkedDate } from './checked-model';

export interface InitArgs {
  dir?: string;
  name?: string;
  id?: string;
  mitglied?: string[];
  today?: string;
}

/**
 * `verbund init [DIR]`: writes the governance/ of a new Verbund (from flags, or by asking on
 * standard input when --name is missing), with policies/pruefregeln.yaml, and checks it before
 * anything becomes visible: the files are written to a temporary folder inside DIR and renamed
 * into place only when the check passes. Existing data is never touched.
 */
export async function initCommand(args: InitArgs, io: CommandIo, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const today = checkedDate(args.today);
  const target = path.resolve(args.dir ?? '.');
  for (const existing of ['governance', path.join('policies', 'pruefregeln.yaml'), path.join('policies', 'freigaberegeln.yaml')]) {
    if (!fs.existsSync(path.join(target, existing))) continue;
    throw new UsageError(
      `In „${target}“ gibt es schon ${existing === 'governance' ? 'einen Ordner governance/' : existing.replace(path.sep, '/')}; verbund init überschreibt nichts. Bitte einen leeren Ordner angeben (oder die Daten eines anderen Verbunds vorher entfernen).`,
    );
  }
  const answers =
    args.name === undefined ? await ask(input, io, today) : { name: args.name, id: args.id, mitglieder: (args.mitglied ?? []).map(memberSpec), today };
  const result = scaffold(answers);
  // What the user typed is wrong, not how the command was called: the reasons, without the usage text.
  if ('errors' in result) {
    io.err(result.errors.map((error) => `verbund: ${error}\n`).join(''));
    return EXIT_USAGE;
  }
  fs.mkdirSync(target, { recursive: true });
  const staging = fs.mkdtempSync(path.join(target, '.verbund-init-'));
  try {
    for (const [file, content] of result.files) {
      fs.mkdirSync(path.join(staging, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(staging, file), content, { flag: 'wx' });
    }
    const check = checkSource(openSource(staging), { validators: precompiledValidators(), today });
    if (!check.ok) {
      io.err(
        `verbund: Interner Fehler: das Gerüst besteht die eigene Prüfung nicht (${check.totals.errors} Fehler, zuerst: ${check.findings.find((f) => f.severity === 'error')?.message}). Es wurde nichts geschrieben; bitte melden.\n`,
      );
      return EXIT_USAGE;
    }
    fs.renameSync(path.join(staging, 'governance'), path.join(target, 'governance'));
    fs.mkdirSync(path.join(target, 'policies'), { recursive: true });
    for (const name of ['pruefregeln.yaml', 'freigaberegeln.yaml']) fs.renameSync(path.join(staging, 'policies', name), path.join(target, 'policies', name));
    io.out(report(target, answers, result.files.size, check.totals.warnings));
    return EXIT_OK;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** "Name:Art[:GitHub-Login]", e.g. "Gemeinde Adorf:Gemeinde:bm-adorf". */
export function memberSpec(spec: string): InitAnswers['mitglieder'][number] {
  const [name, art, github, ...rest] = spec.split(':').map((part) => part.trim());
  if (!name || !art || rest.length > 0 || github === '') {
    throw new UsageError(`„${spec}“ (--mitglied) hat nicht die Form Name:Art oder Name:Art:GitHub-Login, z. B. "Gemeinde Adorf:Gemeinde:bm-adorf".`);
  }
  return { name, art, ...(github !== undefined ? { github } : {}) };
}

/** Asks on standard input (prompts on standard error, so that piped answers work too). */
async function ask(input: NodeJS.ReadableStream, io: CommandIo, today: string): Promise<InitAnswers> {
  const lines = readline.createInterface({ input, terminal: false })[Symbol.asyncIterator]();
  const question = async (prompt: string) => {
    io.err(prompt);
    const next = await lines.next();
    return next.done ? undefined : next.value.trim();
  };
  const name = (await question('Name des Verbunds: ')) ?? '';
  const mitglieder: InitAnswers['mitglieder'] = [];
  for (;;) {
    const spec = await question(`Mitglied ${mitglieder.length + 1} als Name:Art[:GitHub-Login] (leere Zeile beendet): `);
    if (!spec) break;
    mitglieder.push(memberSpec(spec));
  }
  return { name, mitglieder, today };
}

function report(target: string, answers: InitAnswers, files: number, warnings: number): string {
  return [
    `Angelegt: ${path.join(target, 'governance')} und policies/ (Prüf- und Freigaberegeln), ${files} Dateien für „${answers.name}“ (${answers.mitglieder.length} Mitglieder).`,
    `Prüfung: in Ordnung (0 Fehler, ${warnings} Warnungen, meist noch offene Werte; „verbund check“ zeigt sie).`,
    '',
    'Nächste Schritte:',
    '  1. Begriffe in governance/verbund.yaml (vokabular) an den eigenen Verbund anpassen.',
    '  2. Offene Werte füllen: Einwohner, HVB und Vertretung, Gremien (governance/gremien/), Leitlinie, Ziele.',
    `  3. Prüfen: npx verbund check --root ${JSON.stringify(target)}`,
    '',
  ].join('\n');
}
