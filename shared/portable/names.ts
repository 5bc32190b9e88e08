/** Names for what an import brings in. */
import { SESSION_LIMITS } from '../sessions/schema';

/**
 * A copy's project name: "… (imported copy)", then "… (imported copy 2)" and on, the first that
 * none of `taken` uses (compared ignoring case), shortened at the end so it fits the field.
 */
export function importedCopyName(projectName: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLocaleLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (imported copy)' : ` (imported copy ${n})`;
    const room = SESSION_LIMITS.projectName - suffix.length;
    const base = projectName.length > room ? cut(projectName, room).trimEnd() : projectName;
    const name = `${base}${suffix}`;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

/** The first `length` UTF-16 units, never half of a character made of two. */
function cut(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
