/**
 * .github/workflows/release.yml cannot run here (no GitHub, no Electron download), so its shape is
 * checked: on a version tag, on all three systems, npm ci, typecheck, lint and the unit tests, the
 * packaging checks, `npm run dist`, then on what it built the fuses of the real binaries and the
 * packaging run, the Electron suite under xvfb with Chromium's sandbox on, and the installers uploaded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';

const root = join(import.meta.dirname, '..', '..');
const source = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8');

const StepSchema = z
  .object({
    name: z.string().optional(),
    uses: z.string().optional(),
    run: z.string().optional(),
    if: z.string().optional(),
    env: z.record(z.string(), z.string()).optional(),
    with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict()
  .refine(
    (step) => (step.uses === undefined) !== (step.run === undefined),
    'a step either uses an action or runs',
  );
const WorkflowSchema = z.object({
  name: z.string(),
  on: z.object({ push: z.object({ tags: z.array(z.string()) }), workflow_dispatch: z.null().optional() }),
  permissions: z.record(z.string(), z.string()),
  jobs: z.record(
    z.string(),
    z.object({
      'runs-on': z.string(),
      strategy: z.object({ 'fail-fast': z.boolean(), matrix: z.object({ os: z.array(z.string()) }) }),
      'timeout-minutes': z.number(),
      env: z.record(z.string(), z.string()).optional(),
      steps: z.array(StepSchema),
    }),
  ),
});

const workflow = WorkflowSchema.parse(parse(source));
const jobs = Object.values(workflow.jobs);
const job = jobs[0];
const steps = job?.steps ?? [];
/** Where in the job the first step matching `predicate` is, or -1. */
const indexOf = (predicate: (step: z.infer<typeof StepSchema>) => boolean) => steps.findIndex(predicate);
const runs = (pattern: RegExp) => indexOf((step) => pattern.test(step.run ?? ''));
const uses = (action: string) => indexOf((step) => (step.uses ?? '').startsWith(`${action}@`));

describe('the release workflow', () => {
  test('runs on version tags, with read-only access to the repository', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(jobs).toHaveLength(1);
  });

  test('builds on Linux, Windows and macOS runners, each to the end even if another fails', () => {
    expect(job?.strategy.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(job?.['runs-on']).toBe('${{ matrix.os }}');
    expect(job?.strategy['fail-fast']).toBe(false);
  });

  test('checks out, installs with npm ci (Electron’s binary included), then checks and builds, in order', () => {
    const order = [
      uses('actions/checkout'),
      uses('actions/setup-node'),
      runs(/^npm ci\b/),
      runs(/require\('electron'\)/),
      runs(/^npm run typecheck$/m),
      runs(/^npm run lint$/m),
      runs(/^npm run test:unit$/m),
      runs(/vitest run tests\/packaging$/),
      runs(/^npm run dist$/),
      runs(/vitest run tests\/packaging\/releasedFuses\.test\.ts$/),
      runs(/^npm run test:pack$/),
      runs(/xvfb-run .*playwright test --project electron/),
      uses('actions/upload-artifact'),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(source).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD\s*[:=]/);
  });

  test('reads the fuses of the binaries it packed, on every system, where finding none fails', () => {
    const fuses = steps[runs(/releasedFuses\.test\.ts$/)];
    expect(fuses?.if).toBeUndefined();
    expect(fuses?.env).toEqual({ STACKWISE_RELEASE: '1' });
  });

  test('runs the packaging run (which needs the built app in out/) after the build, on Linux', () => {
    // `npm run test:pack` sets STACKWISE_PACK=1 in a POSIX shell and builds the Linux app folder.
    expect(steps[runs(/^npm run test:pack$/)]?.if).toBe("runner.os == 'Linux'");
    expect(steps[runs(/^npm run test:unit$/m)]?.if).toBe("runner.os == 'Linux'");
  });

  test('runs the Electron suite with Chromium’s sandbox on', () => {
    expect(source).not.toMatch(/no-sandbox/);
    expect(source).not.toMatch(/ELECTRON_DISABLE_SANDBOX/);
    const linux = steps[runs(/apparmor_restrict_unprivileged_userns=0/)];
    expect(linux?.if).toBe("runner.os == 'Linux'");
    expect(linux?.run).toMatch(/apt-get install .*xvfb/);
    expect(steps[runs(/xvfb-run/)]?.if).toBe("runner.os == 'Linux'");
    expect(steps[runs(/^npx playwright test --project electron$/)]?.if).toBe("runner.os != 'Linux'");
  });

  test('uploads every kind of installer, and fails when there are none', () => {
    const upload = steps[uses('actions/upload-artifact')];
    expect(upload?.with?.['if-no-files-found']).toBe('error');
    const paths = String(upload?.with?.['path']).trim().split('\n');
    expect(paths).toEqual(
      expect.arrayContaining(['release/*.AppImage', 'release/*.deb', 'release/*.exe', 'release/*.dmg']),
    );
  });
});
