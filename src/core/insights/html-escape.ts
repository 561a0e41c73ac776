const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(value: string | number | null): string {
  if (value === null) return '';
  return String(value).replace(/[&<>"']/g, (character) => entities[character]!);
}
