import fs from 'node:fs';
import path from 'node:path';
import { escapeLine } from '../../findings/escape';
import type { CommandIo } from '../io';

/**
 * An output file written through a staging file beside it and renamed at the end: a reader
 * never sees half a file, and a failed run leaves the old one. Only a regular file (or a new
 * one) is ever replaced: a device, a folder or a symbolic link given as --out is refused.
 */
export class OutFile {
  private constructor(
    private readonly target: string,
    private readonly staging: string,
    private readonly fd: number,
  ) {}

  /** Opens the staging file, or says in German why the target cannot be written (null). */
  static open(target: string, io: CommandIo): OutFile | null {
    if (target.trim() === '') {
      io.err('verbund: --out braucht den Namen einer Datei.\n');
      return null;
    }
    const refuse = (reason: string) => {
      io.err(`verbund: ${escapeLine(target)} lässt sich nicht schreiben (${reason}).\n`);
      return null;
    };
    let existing: fs.Stats | undefined;
    try {
      existing = fs.lstatSync(target);
    } catch {
      existing = undefined;
    }
    if (existing?.isSymbolicLink()) return refuse('ist eine symbolische Verknüpfung; bitte den Pfad der Datei selbst angeben');
    if (existing?.isDirectory()) return refuse('ist ein Ordner');
    if (existing && !existing.isFile()) return refuse('ist keine gewöhnliche Datei');
    const staging = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    try {
      return new OutFile(target, staging, fs.openSync(staging, 'wx'));
    } catch (error) {
      return refuse(reasonOf(error));
    }
  }

  write(data: string | Buffer): void {
    fs.writeFileSync(this.fd, data); // the whole of it, at the current position
  }

  /** Closes and renames into place; false (after saying why) when that fails. */
  commit(io: CommandIo): boolean {
    try {
      fs.closeSync(this.fd);
      fs.renameSync(this.staging, this.target);
      return true;
    } catch (error) {
      this.discard();
      io.err(`verbund: ${escapeLine(this.target)} lässt sich nicht schreiben (${reasonOf(error)}).\n`);
      return false;
    }
  }

  discard(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.staging, { force: true });
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'der Ordner existiert nicht',
  ENOTDIR: 'ein Teil des Pfads ist kein Ordner',
  EACCES: 'keine Berechtigung',
  EPERM: 'keine Berechtigung',
  EROFS: 'das Dateisystem ist schreibgeschützt',
  ENOSPC: 'kein Platz mehr auf dem Datenträger',
  EISDIR: 'ist ein Ordner',
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? `Fehler ${code || 'unbekannt'}`;
}
