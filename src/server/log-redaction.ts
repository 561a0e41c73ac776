const secretPaths = /^(\/api\/(?:calendar|pulse|invitations|certificates)\/)[^/?]+/;

/** `/api/calendar/tdc_….ics` → `/api/calendar/[secret]`: the tokens in these paths are credentials. */
export function maskSecretPaths(url: string): string {
  return url.replace(secretPaths, '$1[secret]').replace(/([?&]token=)[^&]+/, '$1[secret]');
}
