// The GitHub client of the approval check: @octokit/rest with the retry and throttling plugins.
// The @octokit packages are ES modules only. This package builds to CommonJS with
// `module: node16`, where TypeScript refuses a static import of an ES module (TS1479), so the
// types come in through `import type` with resolution-mode "import" and the code through
// require(), which Node loads ES modules with since 20.19 (package.json: engines >= 20.19).
import type { Octokit as RestOctokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import type * as RetryPlugin from '@octokit/plugin-retry' with { 'resolution-mode': 'import' };
import type * as ThrottlingPlugin from '@octokit/plugin-throttling' with { 'resolution-mode': 'import' };

import { answeredStatus } from './errors';

type RestModule = typeof import('@octokit/rest', { with: { 'resolution-mode': 'import' } });

/** The client the github/ functions take: @octokit/rest with pagination, retry and throttling. */
export type Octokit = RestOctokit;

export interface ClientOptions {
  /** The token (the CLI reads GITHUB_TOKEN); never written to a log. */
  token: string;
  /** The REST API root, e.g. https://api.github.com or a GitHub Enterprise Server's /api/v3. */
  apiUrl?: string;
  /** Receives one German line per wait and per failed answer (never the token). */
  log?: (line: string) => void;
  /** Milliseconds per second of waiting (GitHub's retry-after and rate-limit reset are seconds); tests shorten it. */
  msPerSecond?: number;
  /** Longest rate-limit wait in seconds; a longer one fails instead of blocking the workflow. */
  maxWaitSeconds?: number;
}

/** Answers 5xx (and network failures) are retried this often, after 1, 4 and 9 seconds. */
export const SERVER_ERROR_RETRIES = 3;
/** A request that hit a rate limit is tried again this often after waiting. */
export const RATE_LIMIT_RETRIES = 2;

let clients = 0;

// 405: GitHub refuses a merge it will not do (conflicts, protection); trying again changes nothing.
const DO_NOT_RETRY = [400, 401, 403, 404, 405, 409, 410, 422, 429, 451];

export function createOctokit(options: ClientOptions): Octokit {
  const { Octokit: Rest } = require('@octokit/rest') as RestModule;
  const { retry } = require('@octokit/plugin-retry') as typeof RetryPlugin;
  const { throttling } = require('@octokit/plugin-throttling') as typeof ThrottlingPlugin;
  const log = options.log ?? (() => {});
  const msPerSecond = options.msPerSecond ?? 1000;
  const maxWait = options.maxWaitSeconds ?? 120;

  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const what = `${request.method} ${request.url}`;
    if (retryCount >= RATE_LIMIT_RETRIES) {
      log(`GitHub: ${kind} bei ${what}; nach ${RATE_LIMIT_RETRIES} Wartezeiten kein weiterer Versuch.`);
      return false;
    }
    if (retryAfter > maxWait) {
      log(`GitHub: ${kind} bei ${what}; die Wartezeit von ${retryAfter} s ist länger als ${maxWait} s, kein weiterer Versuch.`);
      return false;
    }
    log(`GitHub: ${kind} bei ${what}; warte ${retryAfter} s und versuche es erneut.`);
    return true;
  };

  // Registered before the retry plugin, so it sees every failed attempt, not only the last.
  const logFailures = (octokit: { hook: RestOctokit['hook'] }) => {
    octokit.hook.error('request', (error: Error, request) => {
      const status = answeredStatus(error);
      // The error's request has the expanded URL (its headers, with the token, are never logged).
      const url = (error as { request?: { url?: string } }).request?.url ?? request.url;
      log(`GitHub: ${request.method} ${url} → ${status === undefined ? `keine Antwort (${error.message})` : `HTTP ${status}`}`);
      throw error;
    });
  };

  return new (Rest.plugin(logFailures, retry, throttling))({
    auth: options.token,
    baseUrl: (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'verbund-approvals',
    // Octokit's own log would write to the console. Its warnings (deprecations) go to ours; its
    // error lines repeat the failures logFailures reports, and debug and info are noise.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => log(`GitHub: ${m}`), error: () => {} },
    // 5xx and network failures; 429 and 403 rate limits are the throttling plugin's.
    retry: { retries: SERVER_ERROR_RETRIES, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: msPerSecond },
    throttle: {
      // Each client paces its own writes (the throttling plugin keeps its limiters per id, for the whole process).
      id: `verbund-${++clients}`,
      retryAfterBaseValue: msPerSecond,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('Ratenlimit erreicht'),
      onSecondaryRateLimit: onLimit('sekundäres Ratenlimit erreicht'),
    },
  });
}
