// The workflows: valid for GitHub (action-validator), every action pinned to a commit, least
// privilege, and the approval workflow never checks out code from the pull request.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..');
const DIR = path.join(ROOT, '.github', 'workflows');
const WORKFLOWS = fs.readdirSync(DIR).filter((f) => f.endsWith('.yml'));
const VALIDATOR = path.join(ROOT, 'node_modules', '.bin', 'action-validator');

type Step = { uses?: string; with?: Record<string, unknown>; run?: string };
type Job = { permissions?: unknown; steps: Step[]; environment?: string; concurrency?: unknown; strategy?: unknown; needs?: string; if?: string };
type Workflow = { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };
const load = (name: string) => parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as Workflow;

describe('workflows', () => {
  it('are valid workflow files (@action-validator/cli), which rejects a broken one', () => {
    expect(WORKFLOWS.sort()).toEqual(['check.yml', 'deploy.yml', 'hvb-freigabe.yml', 'merge.yml', 'plan.yml']);
    for (const name of WORKFLOWS) {
      const run = spawnSync(VALIDATOR, [path.join(DIR, name)], { encoding: 'utf8' });
      expect(run.status, `${name}: ${run.stdout}${run.stderr}`).toBe(0);
    }
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-workflow-')), 'broken.yml');
    fs.writeFileSync(broken, 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n');
    expect(spawnSync(VALIDATOR, [broken]).status).toBe(1);
    fs.rmSync(broken);
  });

  it('pin every action to a full commit SHA', () => {
    for (const name of WORKFLOWS) {
      for (const job of Object.values(load(name).jobs)) {
        for (const step of job.steps.filter((s) => s.uses)) expect(step.uses, name).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it('the approval workflow may only write checks, and checks out the base branch without credentials', () => {
    const workflow = load('hvb-freigabe.yml');
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request_review', 'pull_request_target']);
    expect(workflow.permissions).toEqual({});
    const job = workflow.jobs.freigabe!;
    expect(job.permissions).toEqual({ checks: 'write', contents: 'read', 'pull-requests': 'read' });
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toEqual({ ref: '${{ github.event.pull_request.base.ref }}', 'fetch-depth': 0, 'persist-credentials': false });
    expect(job.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npm ci',
      'npx verbund approvals --repo "$REPO" --pr "$PR" --post --head-sha "$HEAD_SHA" --base-rev HEAD',
    ]);
  });

  it('the merge workflow runs only by hand, one at a time, merges through verbund merge and passes the number only through the environment', () => {
    const text = fs.readFileSync(path.join(DIR, 'merge.yml'), 'utf8');
    const workflow = load('merge.yml');
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch']);
    expect(workflow.permissions).toEqual({});
    const job = workflow.jobs.merge!;
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', checks: 'read' });
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with).toEqual({ ref: 'main', 'fetch-depth': 0, 'persist-credentials': false });
    expect(job.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx verbund merge --repo "$REPO" --pr "$PR"']);
    // An expression inside run: would be pasted into the shell; through env: it is a value.
    expect(text).not.toMatch(/run:.*\$\{\{/);
  });

  it('the check workflow only reads', () => {
    expect(load('check.yml').permissions).toEqual({ contents: 'read' });
  });

  it('the plan workflow runs on pull requests with read access only, no secrets, and puts the plan in the check summary', () => {
    const text = fs.readFileSync(path.join(DIR, 'plan.yml'), 'utf8');
    const workflow = load('plan.yml');
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(text).not.toMatch(/secrets\.|pulumi\/actions|pull_request_target/);
    const run = workflow.jobs.plan!.steps.map((s) => s.run ?? '').join('\n');
    expect(run).toContain('npx verbund plan --base "origin/$BASE_REF" > plan.txt');
    expect(run).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it('the deploy workflow runs pulumi up per changed stack, serialised per stack, each in its own environment', () => {
    const workflow = load('deploy.yml');
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('stacks');
    expect(deploy.environment).toBe('stack-${{ matrix.stack }}');
    expect(deploy.concurrency).toEqual({ group: 'deploy-${{ matrix.stack }}', 'cancel-in-progress': false });
    expect(deploy.strategy).toEqual({ 'fail-fast': false, matrix: { stack: '${{ fromJSON(needs.stacks.outputs.stacks) }}' } });
    const pulumi = deploy.steps.find((s) => s.uses?.startsWith('pulumi/actions@'))!;
    expect(pulumi.with).toMatchObject({
      command: 'up',
      'stack-name': '${{ matrix.stack }}',
      policyPacks: 'policies/verbund-pflicht',
      'pulumi-version': '3.248.0',
    });
    expect((workflow as unknown as { concurrency: unknown }).concurrency).toEqual({ group: 'ausrollen', 'cancel-in-progress': false });
    expect(workflow.jobs.stacks!.permissions).toEqual({ contents: 'read', actions: 'read' });
    expect(workflow.jobs.stacks!.steps.map((s) => s.run ?? '').join('\n')).toContain('node scripts/deploy-stacks.js "$BASE"');
    // The stacks job decides from the plan, with no secret in reach.
    expect(JSON.stringify(workflow.jobs.stacks)).not.toContain('secrets.');
  });
});
