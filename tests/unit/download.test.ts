import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '../../src-renderer/src/app/download';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a download the app hands the browser', () => {
  it('is offered under a name with no direction or control characters', () => {
    const link = { href: '', download: '', click: vi.fn(), remove: vi.fn() };
    vi.stubGlobal('document', { createElement: () => link, body: { append: vi.fn() } });
    vi.stubGlobal('URL', { createObjectURL: () => 'blob:x', revokeObjectURL: vi.fn() });
    vi.stubGlobal('setTimeout', vi.fn());
    downloadText('Acme\u202Efdp.exe\u0000 - Portal.csv', 'a,b', 'text/csv');
    expect(link.click).toHaveBeenCalledOnce();
    expect(link.download).toBe('Acme fdp.exe - Portal.csv');
  });
});
