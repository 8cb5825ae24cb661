import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCommand } from './commands/check';
import { orgCommand } from './commands/org';
import { EXIT_USAGE, InputError, OutputError, UsageError, type CommandIo } from './io';
import { USAGE } from './usage';

/** Runs the CLI with the given arguments and sets the process exit code (0, 1 or 2). */
export async function run(argv: string[]): Promise<void> {
  guardOutput(process.stdout);
  guardOutput(process.stderr);
  const io: CommandIo = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
  try {
    process.exitCode = await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`verbund: ${error.message}\n\n${USAGE}`);
    } else if (error instanceof InputError) {
      process.stderr.write(`verbund: ${error.message}\n`);
    } else if (!(error instanceof OutputError)) {
      const detail = process.env.VERBUND_DEBUG ? (error as Error).stack : (error as Error).message;
      process.stderr.write(`verbund: Interner Fehler: ${detail}\n(Bitte melden; VERBUND_DEBUG=1 zeigt Einzelheiten.)\n`);
    }
    process.exitCode = EXIT_USAGE;
  }
}

/**
 * A closed pipe (`| head`) ends quietly; any other write error (a full disk, `> /dev/full`)
 * ends with a clear message and exit 2 instead of a stack trace.
 */
function guardOutput(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      fs.writeSync(2, `verbund: Die Ausgabe kann nicht geschrieben werden (${error.code ?? error.message}); ist der Datenträger voll?\n`);
    } finally {
      process.exit(EXIT_USAGE);
    }
  });
}

const COMMON = { root: { type: 'string' }, help: { type: 'boolean' } } as const;

async function dispatch(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('Bitte einen Befehl angeben.');
  if (command === '--help' || command === '-h' || command === 'help') return help(io);
  switch (command) {
    case 'check': {
      const values = parse(rest, {
        format: { type: 'string' },
        skip: { type: 'string', multiple: true },
        verbose: { type: 'boolean' },
        today: { type: 'string' },
        rules: { type: 'boolean' },
        rev: { type: 'string' },
        base: { type: 'string' },
      });
      if (values.help) return help(io);
      return checkCommand({ ...values, root: root(values.root, values.rev) }, io);
    }
    case 'org': {
      const values = parse(rest, { format: { type: 'string' }, today: { type: 'string' }, rev: { type: 'string' } });
      if (values.help) return help(io);
      return orgCommand({ ...values, root: root(values.root, values.rev) }, io);
    }
    case 'approvals': {
      const values = parse(rest, {
        snapshot: { type: 'string' },
        format: { type: 'string' },
        now: { type: 'string' },
        repo: { type: 'string' },
        pr: { type: 'string' },
        'api-url': { type: 'string' },
        post: { type: 'boolean' },
        'save-snapshot': { type: 'string' },
        'head-sha': { type: 'string' },
        'base-rev': { type: 'string' },
      });
      if (values.help) return help(io);
      const { 'api-url': apiUrl, 'save-snapshot': saveSnapshot, 'head-sha': headSha, 'base-rev': baseRev, ...options } = values;
      return lazy<typeof import('./commands/approvals')>('./commands/approvals').approvalsCommand(
        { ...options, apiUrl, saveSnapshot, headSha, baseRev, root: root(values.root, 'HEAD') },
        io,
      );
    }
    case 'audit': {
      const values = parse(rest, {
        branch: { type: 'string' },
        format: { type: 'string' },
        'as-of': { type: 'string' },
        path: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        repo: { type: 'string' },
        'api-url': { type: 'string' },
      });
      if (values.help) return help(io);
      const { 'as-of': asOf, 'api-url': apiUrl, ...options } = values;
      return lazy<typeof import('./commands/audit')>('./commands/audit').auditCommand({ ...options, asOf, apiUrl, root: root(values.root, 'HEAD') }, io);
    }
    case 'merge': {
      const values = parse(rest, { repo: { type: 'string' }, pr: { type: 'string' }, 'api-url': { type: 'string' }, methode: { type: 'string' } });
      if (values.help) return help(io);
      if (values.repo === undefined || values.pr === undefined) throw new UsageError('verbund merge braucht --repo EIGENTÜMER/NAME und --pr N.');
      const { 'api-url': apiUrl, methode: method, repo, pr } = values;
      return lazy<typeof import('./commands/merge')>('./commands/merge').mergeCommand({ repo, pr, apiUrl, method, root: root(values.root, 'HEAD') }, io);
    }
    case 'codeowners': {
      const values = parse(rest, { check: { type: 'boolean' }, rev: { type: 'string' } });
      if (values.help) return help(io);
      return lazy<typeof import('./commands/codeowners')>('./commands/codeowners').codeownersCommand({ ...values, root: root(values.root, values.rev) }, io);
    }
    case 'costs': {
      const values = parse(rest, {
        year: { type: 'string' },
        member: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        rev: { type: 'string' },
      });
      if (values.help) return help(io);
      return lazy<typeof import('./commands/costs')>('./commands/costs').costsCommand({ ...values, root: root(values.root, values.rev) }, io);
    }
    case 'plan': {
      const values = parse(rest, {
        stack: { type: 'string' },
        all: { type: 'boolean' },
        base: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        today: { type: 'string' },
        rev: { type: 'string' },
      });
      if (values.help) return help(io);
      // The Pulumi SDK loads only for this command: every other one starts without it.
      return lazy<typeof import('./commands/plan')>('./commands/plan').planCommand({ ...values, root: root(values.root, values.rev) }, io);
    }
    case 'init': {
      const { values, positionals } = parseWithDir(rest, {
        name: { type: 'string' },
        id: { type: 'string' },
        mitglied: { type: 'string', multiple: true },
        today: { type: 'string' },
      });
      if (values.help) return help(io);
      return lazy<typeof import('./commands/init')>('./commands/init').initCommand({ ...values, dir: positionals[0] }, io);
    }
    default:
      throw new UsageError(`Unbekannter Befehl „${command}“.`);
  }
}

/**
 * Loads a command's module only when it runs: approvals brings the GitHub client (Octokit),
 * which would otherwise slow every start of the CLI, `verbund check` included.
 */
function lazy<T>(module: string): T {
  return require(module) as T;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<T extends Options>(args: string[], options: T) {
  try {
    const { values } = parseArgs({ args, options: { ...options, ...COMMON }, strict: true, allowPositionals: false });
    return values as ReturnType<typeof parseArgs<{ options: T & typeof COMMON }>>['values'];
  } catch (error) {
    throw new UsageError(germanParseError((error as Error).message));
  }
}

/** Like parse, with at most one positional argument (a folder). */
function parseWithDir<T extends Options>(args: string[], options: T) {
  try {
    const { values, positionals } = parseArgs({ args, options: { ...options, ...COMMON }, strict: true, allowPositionals: true });
    if (positionals.length > 1) throw new UsageError(`Nur ein Ordner ist möglich, nicht ${positionals.length} („${positionals.join('“, „')}“).`);
    return { values: values as ReturnType<typeof parseArgs<{ options: T & typeof COMMON }>>['values'], positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(germanParseError((error as Error).message));
  }
}

function germanParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Unbekannte Option „${unknown[1]}“.`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `Die Option „${missing[1]}“ braucht einen Wert.`;
  const ambiguous = /Option '(--[a-z]+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `Der Wert von „${ambiguous[1]}“ beginnt mit „-“; bitte als ${ambiguous[1]}=WERT schreiben.`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `Unerwartetes Argument „${positional[1]}“.`;
  return `Ungültiger Aufruf (${message}).`;
}

/** The repository root: an existing folder; with --rev a git repository, else it must hold governance/. */
function root(value: string | undefined, rev: string | undefined): string {
  if (value === '') throw new UsageError('--root braucht einen Ordner; leer ist nicht erlaubt.');
  const dir = path.resolve(value ?? '.');
  if (!fs.existsSync(dir)) throw new UsageError(`Der Ordner „${dir}“ (--root) existiert nicht.`);
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`„${dir}“ (--root) ist kein Ordner.`);
  if (rev === undefined && !fs.existsSync(path.join(dir, 'governance'))) {
    throw new UsageError(`In „${dir}“ liegt kein Ordner governance/; --root muss auf die Wurzel des Governance-Repositorys zeigen.`);
  }
  return dir;
}

function help(io: CommandIo): number {
  io.out(USAGE);
  return 0;
}
