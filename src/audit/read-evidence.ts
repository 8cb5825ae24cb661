import { basisDigest, TRAILER_PREFIX, VERSION, type Evidence, type EvidenceVote } from './trailers';

// Reads the decision record back from a commit message, as strictly as git reads trailers: what
// git does not read as a trailer does not count, and anything the writer (trailers.ts) would not
// write is a forgery.

export type ParsedEvidence = { evidence: Evidence } | { problem: string } | undefined;

/**
 * Reads the evidence from a commit message: the trailers of its last paragraph, as git reads
 * them. Undefined when the commit carries none (a direct push); a problem when it carries
 * Verbund trailers that do not form a complete record.
 */
export function parseEvidence(message: string): ParsedEvidence {
  // git interpret-trailers stops at a line that starts a patch ("---" and a blank).
  const divider = /^---\s/m.exec(message);
  const readable = divider ? message.slice(0, divider.index) : message;
  const paragraphs = readable.replace(/\s+$/, '').split(/\n[ \t]*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const block = trailerLines(last);
  const prefix = TRAILER_PREFIX.toLowerCase();
  const trailers = block.lines.filter(([key]) => key.toLowerCase().startsWith(prefix));
  if (trailers.length === 0) return undefined;
  const all = (key: string) => trailers.filter(([k]) => k === key).map(([, v]) => v);
  const one = (key: string): string => {
    const values = all(key);
    if (values.length !== 1) throw new EvidenceError(`${key} steht ${values.length}-mal im Nachweis, erwartet genau einmal`);
    return values[0]!;
  };
  try {
    // Only what git reads as trailers counts: the title is never a trailer block, and a block
    // with a line of free text is none.
    if (paragraphs.length < 2) throw new EvidenceError('die Trailer stehen in der Titelzeile, ohne Leerzeile davor; git liest sie nicht als Trailer');
    if (block.freeText)
      throw new EvidenceError(`der letzte Absatz enthält außer Trailern die Zeile „${block.freeText.slice(0, 60)}“, git liest ihn nicht als Trailer`);
    const unknown = trailers.find(([key]) => !KEYS.has(key));
    if (unknown) throw new EvidenceError(`unbekannter Trailer ${unknown[0]}`);
    if (one('Verbund-Freigabe') !== VERSION) throw new EvidenceError(`unbekannte Fassung des Nachweises „${one('Verbund-Freigabe')}“`);
    const pr = /^([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)#([1-9][0-9]*)$/.exec(one('Verbund-Pull-Request'));
    if (!pr) throw new EvidenceError('Verbund-Pull-Request hat nicht die Form EIGENTÜMER/NAME#NUMMER');
    const author = fields(one('Verbund-Autor'), 'Verbund-Autor');
    const head = /^([0-9a-f]{40,64}) baum=([0-9a-f]{40,64})$/.exec(one('Verbund-Kopf'));
    if (!head) throw new EvidenceError('Verbund-Kopf hat nicht die Form <sha> baum=<sha>');
    const base = one('Verbund-Basis');
    if (!/^[0-9a-f]{40,64}$/.test(base)) throw new EvidenceError('Verbund-Basis ist keine Commit-Kennung');
    const basis = fields(one('Verbund-Grundlage'), 'Verbund-Grundlage');
    const files = all('Verbund-Datei').map(basisFile);
    if (files.length !== integer(basis.dateien, 'Verbund-Grundlage dateien'))
      throw new EvidenceError(`Verbund-Grundlage nennt ${basis.dateien} Dateien, der Nachweis listet ${files.length}`);
    if (new Set(files.map((f) => f.path)).size !== files.length) throw new EvidenceError('eine Datei steht mehrfach in Verbund-Datei');
    if (basisDigest(files) !== basis.sha256) throw new EvidenceError('die Prüfsumme in Verbund-Grundlage passt nicht zu den Verbund-Datei-Zeilen');
    const decided = /^(\S+) ([A-Za-z0-9._-]+\/[A-Za-z0-9._+-]+)$/.exec(one('Verbund-Entschieden'));
    if (!decided || !isInstant(decided[1]!)) throw new EvidenceError('Verbund-Entschieden hat nicht die Form <Zeitpunkt ISO 8601> <werkzeug/fassung>');
    const resolution = all('Verbund-Beschluss');
    if (resolution.length > 1) throw new EvidenceError('mehr als ein Verbund-Beschluss');
    return {
      evidence: {
        repo: pr[1]!,
        pullRequest: integer(pr[2], 'Verbund-Pull-Request Nummer'),
        author: { id: integer(author.id, 'Verbund-Autor id'), login: text(author.login, 'Verbund-Autor login') },
        base,
        head: head[1]!,
        headTree: head[2]!,
        basis: files,
        basisSha256: text(basis.sha256, 'Verbund-Grundlage sha256'),
        rules: one('Verbund-Regeln') === 'keine' ? [] : one('Verbund-Regeln').split(','),
        votes: all('Verbund-Stimme').map(vote),
        ...(resolution.length === 1 ? { resolution: resolution[0]! } : {}),
        decidedAt: decided[1]!,
        tool: decided[2]!,
      },
    };
  } catch (error) {
    if (error instanceof EvidenceError) return { problem: `Der Nachweis im Commit ist unvollständig oder verfälscht: ${error.message}.` };
    throw error;
  }
}

class EvidenceError extends Error {}

/**
 * The "Key: value" lines of a trailer block, unfolded as `git interpret-trailers --parse` does:
 * a line that starts with a blank continues the trailer before it, joined by one space. So the
 * audit reads the same values an auditor reads with git.
 */
function trailerLines(block: string): { lines: [string, string][]; freeText?: string } {
  const lines: [string, string][] = [];
  let freeText: string | undefined;
  let previous: [string, string] | undefined;
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && previous) {
      previous[1] = `${previous[1]} ${line.trim()}`.trim();
      continue;
    }
    const m = /^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*)$/.exec(line);
    previous = m ? [m[1]!, m[2]!.trim()] : undefined;
    if (previous) lines.push(previous);
    else freeText ??= line;
  }
  return { lines, ...(freeText !== undefined ? { freeText } : {}) };
}

const KEYS = new Set([
  'Verbund-Freigabe',
  'Verbund-Pull-Request',
  'Verbund-Autor',
  'Verbund-Basis',
  'Verbund-Kopf',
  'Verbund-Grundlage',
  'Verbund-Datei',
  'Verbund-Regeln',
  'Verbund-Stimme',
  'Verbund-Beschluss',
  'Verbund-Entschieden',
]);
const VOTE_FIELDS = new Set(['anforderung', 'mitglied', 'rolle', 'id', 'login', 'review', 'zeit', 'commit', 'delegation']);

/** An ISO 8601 instant as GitHub and verbund write them (2026-03-01T10:00:00Z, with fraction or offset). */
function isInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
}

function basisFile(value: string): { path: string; sha256: string } {
  const m = /^([0-9a-f]{64}) (\S+)$/.exec(value);
  if (!m) throw new EvidenceError(`Verbund-Datei hat nicht die Form <sha256> <pfad>: „${value}“`);
  return { sha256: m[1]!, path: m[2]! };
}

function vote(value: string): EvidenceVote {
  const f = fields(value, 'Verbund-Stimme');
  const extra = Object.keys(f).find((key) => !VOTE_FIELDS.has(key));
  if (extra) throw new EvidenceError(`Verbund-Stimme mit unbekanntem Feld „${extra}“`);
  if (!f.commit || !/^[0-9a-f]{40,64}$/.test(f.commit)) throw new EvidenceError('Verbund-Stimme commit ist keine Commit-Kennung');
  if (!f.zeit || !isInstant(f.zeit)) throw new EvidenceError('Verbund-Stimme zeit ist kein Zeitpunkt');
  const role = f.rolle;
  if (role !== 'hvb' && role !== 'delegation' && role !== 'gruppe') throw new EvidenceError(`Verbund-Stimme mit unbekannter Rolle „${role ?? ''}“`);
  const [von, an, ab, bis] = (f.delegation ?? '').split(':');
  return {
    requirement: text(f.anforderung, 'Verbund-Stimme anforderung'),
    ...(f.mitglied ? { member: f.mitglied } : {}),
    role,
    userId: integer(f.id, 'Verbund-Stimme id'),
    login: text(f.login, 'Verbund-Stimme login'),
    reviewId: integer(f.review, 'Verbund-Stimme review'),
    submittedAt: text(f.zeit, 'Verbund-Stimme zeit'),
    commitId: text(f.commit, 'Verbund-Stimme commit'),
    ...(f.delegation ? { delegation: { von: von!, an: an ?? '', ab: ab ?? '', ...(bis ? { bis } : {}) } } : {}),
  };
}

/** "a=1 b=x" → { a: '1', b: 'x' }; a key twice is a forgery. */
function fields(value: string, trailer: string): Record<string, string | undefined> {
  const out: Record<string, string> = {};
  for (const part of value.split(' ').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    if (eq < 1 || key in out) throw new EvidenceError(`${trailer} hat ein unlesbares Feld „${part}“`);
    out[key] = part.slice(eq + 1);
  }
  return out;
}

function integer(value: string | undefined, what: string): number {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) throw new EvidenceError(`${what} fehlt oder ist keine Zahl`);
  return Number(value);
}

function text(value: string | undefined, what: string): string {
  if (!value) throw new EvidenceError(`${what} fehlt`);
  return value;
}
