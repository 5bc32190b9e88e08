/**
 * The Electron main process entry. Everything happens in app/ (windows, presenter, dialogs,
 * lifecycle); everything behind the contract is built by `createCore`, which runs under plain Node too.
 */
import { version } from '../package.json';
import { runApp } from './app/lifecycle';
import { createCore } from './core';

runApp({
  // Bundled into out/main/index.js: every shipped file is found from this folder.
  mainDir: import.meta.dirname,
  // electron-vite's dev server; an installed app ignores it (app/startupGuards.ts).
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  version,
  createCore,
});
