import { describe, expect, it } from 'vitest';
import { maskSecretPaths } from './log-redaction.ts';

describe('logging request paths', () => {
  it('masks the tokens of calendar feeds, pulse links, invitations and email confirmations', () => {
    expect(maskSecretPaths('/api/calendar/tdc_9f8e7d.ics')).toBe('/api/calendar/[secret]');
    expect(maskSecretPaths('/api/pulse/abc123')).toBe('/api/pulse/[secret]');
    expect(maskSecretPaths('/api/invitations/tok/accept')).toBe('/api/invitations/[secret]/accept');
    expect(maskSecretPaths('/api/auth/verify-email?token=abc&callbackURL=/')).toBe(
      '/api/auth/verify-email?token=[secret]&callbackURL=/',
    );
  });

  it('leaves ordinary paths as they are', () => {
    expect(maskSecretPaths('/api/orgs/acme/people?q=ana')).toBe('/api/orgs/acme/people?q=ana');
  });
});
