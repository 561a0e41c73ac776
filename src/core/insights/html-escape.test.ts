import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-escape.ts';

describe('escaping for the printable report', () => {
  it('turns markup in a name into plain text', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;',
    );
    expect(escapeHtml("O'Neil & Co")).toBe('O&#39;Neil &amp; Co');
    expect(escapeHtml(null)).toBe('');
  });
});
