// The failures of talking to GitHub, after the client's retries: the CLI answers them with
// exit code 2 and never with a passing check.

export class GithubError extends Error {
  constructor(
    message: string,
    /** The HTTP status of GitHub's last answer (absent when there was none). */
    readonly status?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Something the decision needs could not be read. */
export class GithubReadError extends GithubError {}

/** The check run could not be written. */
export class GithubWriteError extends GithubError {}

/** The HTTP status of an Octokit error that carries GitHub's answer; undefined when there was none (network). */
export function answeredStatus(error: unknown): number | undefined {
  const failure = error as { status?: unknown; response?: unknown } | null;
  return failure?.response !== undefined && typeof failure.status === 'number' ? failure.status : undefined;
}

/** True when GitHub refused because of a (primary or secondary) rate limit. */
export function isRateLimited(error: unknown): boolean {
  const response = (error as { response?: { headers?: Record<string, string>; status?: number } } | null)?.response;
  return response?.status === 429 || response?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(String((error as Error)?.message));
}

/** Why, in German, for the parenthesis after "… konnte nicht gelesen werden". */
export function failureReason(error: unknown): string {
  const status = answeredStatus(error);
  if (status === undefined) return `keine Antwort von GitHub: ${error instanceof Error ? error.message : String(error)}`;
  if (status === 401) return 'HTTP 401: Token fehlt oder ist ungültig';
  if (isRateLimited(error)) return `HTTP ${status}: Ratenlimit erreicht`;
  if (status === 403) return 'HTTP 403: keine Berechtigung';
  return `HTTP ${status}`;
}
