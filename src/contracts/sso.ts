import { z } from 'zod';
import { IsoDateTime } from './common.ts';

/**
 * Why a sign-in through the organization's provider was refused. The callback sends the browser
 * to `/sign-in?ssoError=<code>`, and the sign-in page words each one.
 */
export const SsoErrorCode = z.enum([
  'not_configured',
  'state_invalid',
  'provider_error',
  'provider_unreachable',
  'token_expired',
  'token_audience',
  'token_nonce',
  'token_invalid',
  'email_unverified',
  'email_domain',
  'account_exists',
  'failed',
]);
export type SsoErrorCode = z.infer<typeof SsoErrorCode>;

const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a domain such as example.com (without @)',
  );

export const SsoConfigInput = z.strictObject({
  issuer: z.string().trim().min(1).max(500),
  clientId: z.string().trim().min(1).max(300),
  /** Needed the first time; left out later, the stored secret is kept. */
  clientSecret: z.string().min(1).max(2_000).optional(),
  emailDomain: EmailDomain,
  isEnabled: z.boolean().default(true),
});
export type SsoConfigInput = z.infer<typeof SsoConfigInput>;

export const SsoConfigView = z
  .object({
    issuer: z.string(),
    clientId: z.string(),
    emailDomain: z.string(),
    isEnabled: z.boolean(),
    /** The secret itself is never returned. */
    hasClientSecret: z.boolean(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'SsoConfig' });
export type SsoConfigView = z.infer<typeof SsoConfigView>;

export const SsoSettingsView = z
  .object({
    /** The redirect URI to register at the provider. */
    redirectUri: z.string(),
    config: SsoConfigView.nullable(),
  })
  .meta({ id: 'SsoSettings' });
export type SsoSettingsView = z.infer<typeof SsoSettingsView>;

export const SsoStartInput = z.strictObject({
  /** A work email address or the organization's slug. */
  login: z.string().max(254).optional(),
  returnTo: z.string().max(2_000).optional(),
});

/** Where the browser goes next: the provider, or the sign-in page with the reason it cannot. */
export const SsoStartView = z.object({ redirectTo: z.string() });
export type SsoStartView = z.infer<typeof SsoStartView>;

/** What the provider sends back; unknown parameters (e.g. `session_state`) are allowed. */
export const SsoCallbackQuery = z.looseObject({
  state: z.string().max(500).optional(),
  code: z.string().max(4_000).optional(),
  error: z.string().max(500).optional(),
  error_description: z.string().max(2_000).optional(),
});
