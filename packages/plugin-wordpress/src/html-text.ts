import { htmlToText } from '@portico/plugin-kit';

/**
 * An excerpt as a lead: plain text without the "read more" WordPress appends (the default
 * ` [&hellip;]`, or a theme's `<a class="more-link">` link), which means nothing on a card.
 */
export function excerptToLead(html: string): string {
  const withoutMoreLink = html.replace(/<a\b[^>]*\bclass="[^"]*\bmore-link\b[^"]*"[^>]*>[\s\S]*?<\/a>/gi, '');
  return htmlToText(withoutMoreLink)
    .replace(/\s*\[(?:\u2026|\.\.\.)\]$/, '')
    .trim();
}
