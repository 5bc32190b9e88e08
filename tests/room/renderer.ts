/** A renderer folder as the build makes it, for the room's tests (no test runner needed). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A renderer folder as the build makes it: the console, the participant page and their assets. */
export function fakeRenderer(root: string): string {
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'participant.html'),
    '<!doctype html><html><head><script type="module" crossorigin src="./assets/participant-abc.js"></script>' +
      '<link rel="modulepreload" crossorigin href="./assets/chunk-def.js"><link rel="stylesheet" href="./assets/participant-abc.css">' +
      '</head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'participant-abc.js'), 'console.log("phone");');
  writeFileSync(join(dir, 'assets', 'chunk-def.js'), 'export const x = 1;');
  writeFileSync(join(dir, 'assets', 'participant-abc.css'), 'body { background: url(./dot.svg); }');
  writeFileSync(join(dir, 'assets', 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // The console's own files are in the same folder and must never be served to phones.
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Console</title>');
  writeFileSync(join(dir, 'assets', 'index-console.js'), 'console.log("console");');
  writeFileSync(join(root, 'secret.txt'), 'do not serve me');
  return dir;
}
