#!/usr/bin/env node
/**
 * Static Electron security scan of what ships (the built `out/` folder) with Electronegativity.
 * The tool always exits 0, so this script reads its SARIF report and fails on any finding that is not on
 * security/electronegativity-allowlist.json, and on allowlist entries that no longer match
 * anything (so the list stays short and true).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
// SARIF, not CSV: the tool's CSV writer garbles rows that contain long quoted samples.
const report = join(root, '.tmp', 'electronegativity.sarif');
const allowlist = JSON.parse(readFileSync(join(root, 'security/electronegativity-allowlist.json'), 'utf8'));

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('security scan: build first (npm run build); out/main/index.js is missing.');
  process.exit(1);
}

mkdirSync(join(root, '.tmp'), { recursive: true });
rmSync(report, { force: true });
execFileSync(
  process.execPath,
  [cli, '-i', join(root, 'out'), '-o', report, '-r', '-v', 'false', '-e', electronVersion],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
if (!existsSync(report)) {
  console.error('security scan: Electronegativity wrote no report, so nothing was checked.');
  process.exit(1);
}

const RunSchemaError = (detail) => {
  console.error(`security scan: the SARIF report is not in the expected shape (${detail}).`);
  process.exit(1);
};

const sarif = JSON.parse(readFileSync(report, 'utf8'));
if (!Array.isArray(sarif.runs)) RunSchemaError('no runs');
const findings = sarif.runs.flatMap((run) => {
  if (!Array.isArray(run.results)) RunSchemaError('a run without results');
  return run.results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    const file = location?.artifactLocation?.uri;
    if (typeof result.ruleId !== 'string' || typeof file !== 'string')
      RunSchemaError('a result without rule or file');
    const region = location?.region;
    return {
      check: result.ruleId,
      file,
      location: region ? `${region.startLine}:${region.startColumn}` : '?',
      severity: result.level,
      description: result.message?.text ?? '',
    };
  });
});
const allowed = (finding) => allowlist.find((a) => a.check === finding.check && a.file === finding.file);
const unexpected = findings.filter((finding) => !allowed(finding));
const stale = allowlist.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));

console.log(
  `security scan: Electronegativity (Electron ${electronVersion}) reported ${findings.length} finding(s).`,
);
for (const finding of findings) {
  const entry = allowed(finding);
  console.log(`  ${entry ? 'allowed ' : 'FAILED  '} ${finding.check} ${finding.file}:${finding.location}`);
  if (entry) console.log(`           why: ${entry.reason}`);
  else console.log(`           ${finding.severity}: ${finding.description}`);
}
for (const entry of stale)
  console.log(`  STALE    allowlist entry ${entry.check} ${entry.file} matches nothing; remove it.`);

if (unexpected.length > 0 || stale.length > 0) {
  console.error(
    `security scan failed: ${unexpected.length} unexpected finding(s), ${stale.length} stale allowlist entr(y/ies).`,
  );
  process.exit(1);
}
console.log('security scan passed.');
