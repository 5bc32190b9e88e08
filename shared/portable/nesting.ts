/**
 * How deeply a JSON text nests, found by scanning the text before anything parses it. Parsing
 * is iterative, but everything after it (checksums, schemas, copying) walks values recursively,
 * so a file nested ten thousand levels deep would exhaust the stack there and fail as an
 * internal error. Refusing it up front gives a plain reason instead.
 */

/** True when `text`, read as JSON, opens more than `limit` arrays or objects inside each other. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // a backslash: the next character is escaped, even a quote
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}
