// A fake GitHub on 127.0.0.1 for the approval check: it serves exactly the REST endpoints the
// check uses from an in-memory scenario, pages lists like GitHub (per_page, page, Link header),
// fails on demand (5xx, rate limits) and checks each JSON answer against the response schema
// of the operation in GitHub's OpenAPI description (schemaErrors must stay empty).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CheckRunFacts, checkRunObject, checkRunUpdate, createCheckRun } from './fake-github-checks';
import {
  diffEntryObject,
  type FakeUser,
  type FileFacts,
  gitCommitObject,
  pullRequestObject,
  restCommitObject,
  type ReviewFacts,
  reviewObject,
  type Urls,
  userObject,
} from './fake-github-objects';
import { responseErrors } from './openapi';

export type { CheckRunFacts } from './fake-github-checks';
export type { FakeUser, FileFacts, ReviewFacts } from './fake-github-objects';

export interface FakeScenario {
  owner: string;
  repo: string;
  /** When set, every request must carry it (as "token …" or "Bearer …"), else 401. */
  token?: string;
  pull: { number: number; author: FakeUser; title?: string; body: string | null; baseSha: string; headSha: string; changedFiles?: number; mergedAs?: string };
  files: FileFacts[];
  reviews: ReviewFacts[];
  /** The tree of each commit by sha; any other sha answers 404. */
  commits: Record<string, string>;
  /** Members by "org/slug"; any other team answers 404. */
  teams: Record<string, FakeUser[]>;
  checkRuns?: CheckRunFacts[];
  /** Where each branch points now (default: the pull request's base branch main at its base commit). */
  branches?: Record<string, string>;
  /** false: GitHub refuses the merge (conflicts, a required check, branch protection). */
  mergeable?: boolean;
  /** How many commits of the base branch the head lacks (compare base...head; default 0: up to date). */
  behindBy?: number;
}

export interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body?: unknown;
  status: number;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Handler = (fake: FakeGithub, params: Record<string, string>, query: URLSearchParams, body: unknown) => Answer;

const DOCS = 'https://docs.github.com/rest';
const notFound = (): Answer => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } });

export class FakeGithub {
  readonly requests: RecordedRequest[] = [];
  /** Answers that do not match GitHub's OpenAPI description: a test must find none. */
  readonly schemaErrors: string[] = [];
  readonly checkRuns: CheckRunFacts[];
  /** The merges GitHub carried out, with what the client asked for (sha, method, title, message). */
  readonly merges: Record<string, unknown>[] = [];
  private readonly failures: { match: RegExp; failure: Failure; left: number }[] = [];
  private server!: http.Server;
  url = '';

  private constructor(
    readonly scenario: FakeScenario,
    private readonly validate: boolean,
  ) {
    this.checkRuns = scenario.checkRuns ?? [];
  }

  static async start(scenario: FakeScenario, options: { validate?: boolean } = {}): Promise<FakeGithub> {
    const fake = new FakeGithub(scenario, options.validate ?? true);
    fake.server = http.createServer((req, res) => fake.serve(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get urls(): Urls {
    return { api: this.url, web: 'https://github.com' };
  }

  /** The next `times` requests whose "METHOD /path" matches answer with the failure. */
  fail(match: RegExp, failure: Failure, times = 1): void {
    this.failures.push({ match, failure, left: times });
  }

  serverError(match: RegExp, times: number, status = 502): void {
    this.fail(match, { status, body: { message: 'Server Error' } }, times);
  }

  /** GitHub's primary rate limit: 403, no requests left until `reset` (epoch seconds). */
  primaryRateLimit(match: RegExp, reset: number): void {
    const headers = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(reset) };
    this.fail(match, { status: 403, headers, body: { message: 'API rate limit exceeded for user ID 9000.', documentation_url: DOCS } });
  }

  /** GitHub's secondary rate limit: 429 (or 403) with retry-after in seconds. */
  secondaryRateLimit(match: RegExp, retryAfter: number, status = 429): void {
    const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    this.fail(match, { status, headers: { 'retry-after': String(retryAfter) }, body: { message, documentation_url: DOCS } });
  }

  requestsTo(match: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => match.test(`${r.method} ${r.path}`));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', this.url);
      const method = req.method ?? 'GET';
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? JSON.parse(text) : undefined;
      const answer = this.answer(method, url, req.headers, body);
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        ...answer.headers,
      };
      this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body, status: answer.status });
      res.writeHead(answer.status, headers);
      res.end(JSON.stringify(answer.body));
    });
  }

  private answer(method: string, url: URL, headers: http.IncomingHttpHeaders, body: unknown): Answer {
    const failure = this.failures.find((f) => f.left > 0 && f.match.test(`${method} ${url.pathname}`));
    if (failure) {
      failure.left--;
      return { status: failure.failure.status, headers: failure.failure.headers, body: failure.failure.body ?? {} };
    }
    const token = this.scenario.token;
    if (token && headers.authorization !== `token ${token}` && headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
    }
    for (const [routeMethod, template, handler] of ROUTES) {
      const params = matchTemplate(template, url.pathname);
      if (routeMethod !== method || !params) continue;
      if (params.owner && (params.owner !== this.scenario.owner || params.repo !== this.scenario.repo)) return notFound();
      const answer = handler(this, params, url.searchParams, body);
      if (this.validate && answer.status < 300) this.schemaErrors.push(...responseErrors(method, template, answer.status, answer.body));
      return answer;
    }
    return notFound();
  }
}

function matchTemplate(template: string, pathname: string): Record<string, string> | undefined {
  const names: string[] = [];
  // A git ref may contain slashes (heads/main), as GitHub's {ref} of git/ref does.
  const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return name === 'ref' && template.endsWith('{ref}') ? '(.+)' : '([^/]+)';
  });
  const found = new RegExp(`^${pattern}$`).exec(pathname);
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
}

/** One page of a list, with GitHub's Link header (per_page default 30, at most 100). */
function page<T>(fake: FakeGithub, pathname: string, query: URLSearchParams, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100);
  const number = Math.max(Number(query.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string) => {
    const target = new URL(pathname, fake.url);
    query.forEach((value, key) => target.searchParams.set(key, value));
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(n));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links = [];
  if (number > 1) links.push(link(number - 1, 'prev'));
  if (number < last) links.push(link(number + 1, 'next'), link(last, 'last'));
  if (number > 1) links.push(link(1, 'first'));
  return { items: items.slice((number - 1) * perPage, number * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}

function list<T>(fake: FakeGithub, pathname: string, query: URLSearchParams, items: T[], render: (item: T) => unknown): Answer {
  const { items: shown, headers } = page(fake, pathname, query, items);
  return { status: 200, body: shown.map(render), headers };
}

const ROUTES: [string, string, Handler][] = [
  [
    'GET',
    '/repos/{owner}/{repo}/git/ref/{ref}',
    (fake, { ref }) => {
      const { scenario: s } = fake;
      const branches = s.branches ?? { main: s.pull.baseSha };
      const sha = ref.startsWith('heads/') ? branches[ref.slice('heads/'.length)] : undefined;
      if (!sha) return notFound();
      const url = `${fake.url}/repos/${s.owner}/${s.repo}/git/refs/${ref}`;
      return {
        status: 200,
        body: {
          ref: `refs/${ref}`,
          node_id: 'REF_kwDO',
          url,
          object: { type: 'commit', sha, url: `${fake.url}/repos/${s.owner}/${s.repo}/git/commits/${sha}` },
        },
      };
    },
  ],
  [
    'GET',
    '/repos/{owner}/{repo}/compare/{basehead}',
    (fake, { basehead }) => {
      const { scenario: s } = fake;
      const [base, head] = basehead.split('...');
      const known = (sha: string | undefined) =>
        sha !== undefined && (s.commits[sha] !== undefined || Object.values(s.branches ?? { main: s.pull.baseSha }).includes(sha));
      if (!known(base) || !known(head)) return notFound();
      const behind = s.behindBy ?? 0;
      const commit = (sha: string) => restCommitObject(sha, s.commits[sha] ?? 'e'.repeat(40), s.owner, s.repo, fake.urls);
      const web = `${fake.urls.web}/${s.owner}/${s.repo}/compare/${basehead}`;
      return {
        status: 200,
        body: {
          url: `${fake.url}/repos/${s.owner}/${s.repo}/compare/${basehead}`,
          html_url: web,
          permalink_url: web,
          diff_url: `${web}.diff`,
          patch_url: `${web}.patch`,
          base_commit: commit(base!),
          merge_base_commit: commit(behind === 0 ? base! : s.pull.baseSha),
          status: behind === 0 ? (base === head ? 'identical' : 'ahead') : 'diverged',
          ahead_by: base === head ? 0 : 1,
          behind_by: behind,
          total_commits: base === head ? 0 : 1,
          commits: base === head ? [] : [commit(head!)],
          files: [],
        },
      };
    },
  ],
  [
    'PUT',
    '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
    (fake, { pull_number }, _query, body) => {
      const { scenario: s } = fake;
      if (Number(pull_number) !== s.pull.number) return notFound();
      const request = (body ?? {}) as Record<string, unknown>;
      if (request.sha !== undefined && request.sha !== s.pull.headSha) {
        return { status: 409, body: { message: 'Head branch was modified. Review and try the merge again.', documentation_url: DOCS, status: '409' } };
      }
      if (s.mergeable === false) return { status: 405, body: { message: 'Pull Request is not mergeable', documentation_url: DOCS, status: '405' } };
      fake.merges.push(request);
      return { status: 200, body: { sha: 'f'.repeat(40), merged: true, message: 'Pull Request successfully merged' } };
    },
  ],
  [
    'GET',
    '/repos/{owner}/{repo}/pulls/{pull_number}',
    (fake, { pull_number }) => {
      const { scenario: s } = fake;
      if (Number(pull_number) !== s.pull.number) return notFound();
      const facts = { ...s.pull, owner: s.owner, repo: s.repo, title: s.pull.title ?? 'Änderung', changedFiles: s.pull.changedFiles ?? s.files.length };
      return { status: 200, body: pullRequestObject(facts, fake.urls) };
    },
  ],
  [
    'GET',
    '/repos/{owner}/{repo}/pulls/{pull_number}/files',
    (fake, { pull_number }, query) => {
      const { scenario: s } = fake;
      if (Number(pull_number) !== s.pull.number) return notFound();
      // Like GitHub: at most 3000 files are listed, however many the pull request changes.
      const path = `/repos/${s.owner}/${s.repo}/pulls/${pull_number}/files`;
      return list(fake, path, query, s.files.slice(0, 3000), (f) => diffEntryObject(f, s.owner, s.repo, s.pull.headSha, fake.urls));
    },
  ],
  [
    'GET',
    '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    (fake, { pull_number }, query) => {
      const { scenario: s } = fake;
      if (Number(pull_number) !== s.pull.number) return notFound();
      const path = `/repos/${s.owner}/${s.repo}/pulls/${pull_number}/reviews`;
      return list(fake, path, query, s.reviews, (r) => reviewObject(r, { owner: s.owner, repo: s.repo, number: s.pull.number }, fake.urls));
    },
  ],
  [
    'GET',
    '/repos/{owner}/{repo}/git/commits/{commit_sha}',
    (fake, { commit_sha }) => {
      const tree = fake.scenario.commits[commit_sha];
      if (!tree) return notFound();
      return { status: 200, body: gitCommitObject(commit_sha, tree, fake.scenario.owner, fake.scenario.repo, fake.urls) };
    },
  ],
  [
    'GET',
    '/orgs/{org}/teams/{team_slug}/members',
    (fake, { org, team_slug }, query) => {
      const members = fake.scenario.teams[`${org}/${team_slug}`];
      if (!members) return notFound();
      return list(fake, `/orgs/${org}/teams/${team_slug}/members`, query, members, (m) => userObject(m, fake.urls));
    },
  ],
  [
    'GET',
    '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    (fake, { ref }, query) => {
      const { scenario: s } = fake;
      let runs = fake.checkRuns.filter((r) => r.head_sha === ref && (!query.has('check_name') || r.name === query.get('check_name')));
      if (query.get('filter') !== 'all') runs = runs.filter((r) => !runs.some((o) => o.name === r.name && o.id > r.id));
      runs = [...runs].sort((a, b) => b.id - a.id);
      const { items, headers } = page(fake, `/repos/${s.owner}/${s.repo}/commits/${ref}/check-runs`, query, runs);
      return { status: 200, headers, body: { total_count: runs.length, check_runs: items.map((r) => checkRunObject(r, s.owner, s.repo, fake.urls)) } };
    },
  ],
  [
    'POST',
    '/repos/{owner}/{repo}/check-runs',
    (fake, _params, _query, body) => {
      const answer = createCheckRun(fake.checkRuns, (body ?? {}) as Record<string, unknown>);
      return 'run' in answer ? { status: 201, body: checkRunObject(answer.run, fake.scenario.owner, fake.scenario.repo, fake.urls) } : answer;
    },
  ],
  [
    'PATCH',
    '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    (fake, { check_run_id }, _query, body) => {
      const run = fake.checkRuns.find((r) => r.id === Number(check_run_id));
      if (!run) return notFound();
      const invalid = checkRunUpdate(run, (body ?? {}) as Record<string, unknown>);
      if (invalid) return invalid;
      return { status: 200, body: checkRunObject(run, fake.scenario.owner, fake.scenario.repo, fake.urls) };
    },
  ],
];
