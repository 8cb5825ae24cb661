// Posts the result of the approval check as the check run "HVB-Freigabe" on the head commit:
// the one run of that name is updated, so a re-run never adds a second one beside it.
import type { Octokit } from './client';
import { StringDecoder } from 'node:string_decoder';
import { answeredStatus, failureReason, GithubReadError, GithubWriteError } from './errors';

/** The name branch protection requires; it must not change. */
export const CHECK_NAME = 'HVB-Freigabe';
/** GitHub refuses a check run's summary or text above 65535 characters. */
export const OUTPUT_LIMIT = 65535;

export interface CheckRunRequest {
  owner: string;
  repo: string;
  headSha: string;
  conclusion: 'success' | 'failure';
  title: string;
  /** Markdown, shown on the pull request's checks page. */
  summary: string;
  text?: string;
}

export interface PostedCheckRun {
  id: number;
  url: string | null;
  /** false: an existing run of that name was updated. */
  created: boolean;
}

export async function postCheckRun(octokit: Octokit, request: CheckRunRequest): Promise<PostedCheckRun> {
  const { owner, repo, headSha } = request;
  const output = {
    title: request.title,
    summary: truncate(request.summary, OUTPUT_LIMIT),
    ...(request.text === undefined ? {} : { text: truncate(request.text, OUTPUT_LIMIT) }),
  };
  const result = { status: 'completed' as const, conclusion: request.conclusion, completed_at: new Date().toISOString(), output };
  const existing = await attempt(
    `Die Check-Runs von Commit ${headSha.slice(0, 7)} konnten nicht gelesen werden`,
    () => octokit.rest.checks.listForRef({ owner, repo, ref: headSha, check_name: CHECK_NAME, filter: 'latest', per_page: 100 }),
    GithubReadError,
  );
  const run = existing.data.check_runs.find((r) => r.name === CHECK_NAME && r.head_sha === headSha);
  if (run) {
    const { data } = await attempt(
      `Der Check-Run „${CHECK_NAME}“ konnte nicht aktualisiert werden`,
      () => octokit.rest.checks.update({ owner, repo, check_run_id: run.id, ...result }),
      GithubWriteError,
    );
    return { id: data.id, url: data.html_url, created: false };
  }
  const { data } = await attempt(
    `Der Check-Run „${CHECK_NAME}“ konnte nicht angelegt werden`,
    () => octokit.rest.checks.create({ owner, repo, name: CHECK_NAME, head_sha: headSha, ...result }),
    GithubWriteError,
  );
  return { id: data.id, url: data.html_url, created: true };
}

const NOTE = '\n\n… (gekürzt: GitHub zeigt höchstens 65535 Zeichen; die vollständige Entscheidung steht in der Ausgabe des Workflows.)';

/**
 * Text within GitHub's limit, with a German note where it was cut. The limit is applied to
 * UTF-8 bytes, which are never fewer than characters, so either way GitHub counts it fits; a
 * character is never split.
 */
export function truncate(text: string, limit: number): string {
  if (Buffer.byteLength(text, 'utf8') <= limit) return text;
  const room = limit - Buffer.byteLength(NOTE, 'utf8');
  // The decoder holds back a character cut in half instead of writing U+FFFD for it.
  return new StringDecoder('utf8').write(Buffer.from(text, 'utf8').subarray(0, room)) + NOTE;
}

async function attempt<T>(what: string, call: () => Promise<T>, Failure: typeof GithubReadError | typeof GithubWriteError): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Failure(`${what} (${failureReason(error)}).`, answeredStatus(error));
  }
}
