/** Where a command writes: standard output for results, standard error for messages. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** Thrown for wrong command-line use; the CLI prints the message and exits with 2. */
export class UsageError extends Error {}

/** Thrown when an input file (not the command line) is unusable: the CLI says why and exits with 2, without the usage text. */
export class InputError extends Error {}

/** Thrown after a command said in German why its output could not be written; the CLI exits with 2. */
export class OutputError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
