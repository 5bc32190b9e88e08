/**
 * The Content-Type of a file served from the built renderer, by its extension, for both servers
 * (the console's web host and the participant listener). A Map, because the extension comes from
 * an address a client sent; anything not listed is served as bytes, never sniffed.
 */
import { extname } from 'node:path';

const MIME = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.woff2', 'font/woff2'],
  ['.woff', 'font/woff'],
  ['.ttf', 'font/ttf'],
  ['.json', 'application/json'],
  ['.ico', 'image/x-icon'],
]);

export function contentTypeOf(path: string): string {
  return MIME.get(extname(path)) ?? 'application/octet-stream';
}
