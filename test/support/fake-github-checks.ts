// The check runs of the fake GitHub: what POST and PATCH of a check run do to it, and the
// object GitHub answers with.
import { nodeId, type Urls, userObject } from './fake-github-objects';

export interface CheckRunFacts {
  id: number;
  name: string;
  head_sha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | null;
  started_at: string;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
}

export function checkRunObject(run: CheckRunFacts, owner: string, repo: string, urls: Urls): Record<string, unknown> {
  return {
    id: run.id,
    node_id: nodeId('CR', run.id),
    head_sha: run.head_sha,
    external_id: '',
    url: `${urls.api}/repos/${owner}/${repo}/check-runs/${run.id}`,
    html_url: `${urls.web}/${owner}/${repo}/runs/${run.id}`,
    details_url: `${urls.web}/${owner}/${repo}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
    output: { ...run.output, annotations_count: 0, annotations_url: `${urls.api}/repos/${owner}/${repo}/check-runs/${run.id}/annotations` },
    name: run.name,
    check_suite: { id: 5000 + run.id },
    app: {
      id: 15368,
      slug: 'github-actions',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: { ...userObject({ id: 9919, login: 'github' }, urls), type: 'Organization' },
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: `${urls.web}/apps/github-actions`,
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2024-04-10T20:33:16Z',
      permissions: { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'read' },
      events: ['check_run', 'pull_request', 'pull_request_review'],
    },
    pull_requests: [],
  };
}

const DOCS = 'https://docs.github.com/rest';
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** Applies a POST or PATCH body to a run; an answer only when GitHub would refuse it (422). */
export function checkRunUpdate(run: CheckRunFacts, body: Record<string, unknown>): { status: number; body: unknown } | undefined {
  const output = body.output as { title?: string; summary?: string; text?: string } | undefined;
  for (const part of ['summary', 'text'] as const) {
    const length = output?.[part]?.length ?? 0;
    if (length > 65535)
      return { status: 422, body: { message: `Invalid request.\n\nOnly 65535 characters are allowed; ${length} were supplied.`, documentation_url: DOCS } };
  }
  if (typeof body.name === 'string') run.name = body.name;
  if (typeof body.conclusion === 'string') {
    run.conclusion = body.conclusion as CheckRunFacts['conclusion'];
    run.status = 'completed';
  }
  if (typeof body.status === 'string') run.status = body.status as CheckRunFacts['status'];
  if (run.status === 'completed') run.completed_at = typeof body.completed_at === 'string' ? body.completed_at : now();
  if (output) run.output = { title: output.title ?? null, summary: output.summary ?? null, text: output.text ?? null };
  return undefined;
}

export function createCheckRun(runs: CheckRunFacts[], input: Record<string, unknown>): { run: CheckRunFacts } | { status: number; body: unknown } {
  if (typeof input.name !== 'string' || typeof input.head_sha !== 'string') {
    return { status: 422, body: { message: 'Invalid request.\n\n"name", "head_sha" weren\'t supplied.', documentation_url: DOCS } };
  }
  const run: CheckRunFacts = {
    id: 7000 + runs.length + 1,
    name: input.name,
    head_sha: input.head_sha,
    status: 'queued',
    conclusion: null,
    started_at: now(),
    completed_at: null,
    output: { title: null, summary: null, text: null },
  };
  const invalid = checkRunUpdate(run, input);
  if (invalid) return invalid;
  runs.push(run);
  return { run };
}
