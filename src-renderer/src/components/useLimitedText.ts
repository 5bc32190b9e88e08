import { useState } from 'react';
import { overLimitMessage } from './Field';

/**
 * Text saved as it is typed (notes, a rating's reason) but only while it fits its limit. Past the
 * limit the typing stays on screen, marked as too long, and nothing is sent until it fits again:
 * no keystroke is dropped and nothing is cut.
 */
export function useLimitedText(
  stored: string,
  max: number,
  label: string,
  save: (text: string) => void,
): { value: string; error: string | undefined; onChange: (text: string) => void } {
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? stored;
  return {
    value,
    error: overLimitMessage(label, value.length, max),
    onChange: (text) => {
      const next = limitedChange(text, max);
      setDraft(next.draft);
      if (next.send !== null) save(next.send);
    },
  };
}

/** What one change does: send the text when it fits, otherwise keep it as an unsent draft. */
export function limitedChange(text: string, max: number): { send: string | null; draft: string | null } {
  return text.length > max ? { send: null, draft: text } : { send: text, draft: null };
}
