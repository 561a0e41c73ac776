import { describe, expect, it } from 'vitest';
import { createTextSealer } from './sealed-text.ts';

describe('sealed text', () => {
  const sealer = createTextSealer('a secret that is long enough for the tests 0123');

  it('round-trips text and never stores it readably', () => {
    const sealed = sealer.seal('Worried Sam is close to burning out', 'meeting-1:user-1');
    expect(sealed).not.toContain('burning');
    expect(sealer.open(sealed, 'meeting-1:user-1')).toBe('Worried Sam is close to burning out');
  });

  it('gives a different ciphertext each time', () => {
    expect(sealer.seal('same', 'c')).not.toBe(sealer.seal('same', 'c'));
  });

  it('refuses a ciphertext moved to another note, or read with another secret', () => {
    const sealed = sealer.seal('private', 'meeting-1:user-1');
    expect(() => sealer.open(sealed, 'meeting-2:user-1')).toThrow(/could not be decrypted/);
    expect(() =>
      createTextSealer('another secret that is long enough 01234567').open(sealed, 'meeting-1:user-1'),
    ).toThrow();
  });
});
