// The audit's HTML report in a real browser (Debian's chromium through playwright-core): it makes
// no request of its own, and axe-core finds no accessibility violation. Without a chromium
// (a developer machine) the test is reported as skipped, never as passed; .ci/run installs it.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HVB } from '../approvals/scenario';
import { temporaryRoots, verbund } from '../support/cli';
import { baseCheckout } from '../support/git-repo';
import { git, MEMBER, mergePull } from '../support/merged-history';

const CHROMIUM = '/usr/bin/chromium';
const roots = temporaryRoots();

describe('the audit report in a browser', () => {
  it.skipIf(!fs.existsSync(CHROMIUM))(
    'the report, the state on a day and a file’s history load nothing from outside and have no accessibility violations (axe-core)',
    { timeout: 60_000 },
    async () => {
      const { root } = baseCheckout(roots);
      mergePull(root, {
        number: 1,
        line: 'eins',
        approver: HVB['stadt-musterstadt']!,
        approvedAt: '2026-03-02T09:00:00Z',
        mergedAt: '2026-03-02T10:00:00+01:00',
      });
      fs.appendFileSync(path.join(root, MEMBER), '# direkt\n');
      git(root, ['commit', '-q', '-am', 'Direkt gepusht'], '2026-05-01T10:00:00+02:00');
      const pages: [string, string[], number, string][] = [
        ['bericht.html', [], 1, 'Prüfbericht: Freigaben in der Governance-Historie'],
        ['stand.html', ['--as-of', '2026-03-02'], 0, ''],
        ['historie.html', ['--path', MEMBER], 1, `Historie von ${MEMBER}`],
      ];
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
      try {
        for (const [name, view, code, heading] of pages) {
          const report = path.join(root, name);
          expect(verbund('audit', '--root', root, ...view, '--format', 'html', '--out', report).code).toBe(code);
          const page = await browser.newPage();
          const requests: string[] = [];
          await page.route('**/*', (route) => {
            requests.push(route.request().url());
            return route.abort();
          });
          await page.setContent(fs.readFileSync(report, 'utf8'));
          expect(requests).toEqual([]);
          await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
          const violations = await page.evaluate(async () => {
            const result = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string }[] }> } }).axe.run();
            return result.violations.map((v) => `${v.id}: ${v.help}`);
          });
          expect(violations, name).toEqual([]);
          if (heading) expect(await page.locator('h1').innerText()).toBe(heading);
          else
            expect(await page.locator('h1').innerText()).toMatch(
              /^Stand am 2026-03-02: Commit [0-9a-f]{12} vom 2026-03-02, laut Nachweis musterverbund\/governance#1$/,
            );
        }
      } finally {
        await browser.close();
      }
    },
  );
});
