// The few named entities a CMS body writes for text; numeric ones are decoded by number.
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
};

/**
 * The text of an HTML string, without a DOM (a server renders the same): tags become spaces,
 * and what no sanitizer shows (scripts, styles, templates) goes.
 */
function plainText(html: string): string {
  const withoutHidden = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  return withoutHidden.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (!name.startsWith('#')) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** Words as compared: white space collapsed, Unicode composed. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/**
 * Whether an article's body opens with its lead, as a CMS's automatic excerpt does (WordPress
 * cuts the first words of the body and adds `[…]`): a full card then shows that text once, in
 * the body.
 */
export function bodyOpensWithLead(body: string | undefined, lead: string): boolean {
  const opening = words(lead).replace(/\s*(?:\[(?:…|\.\.\.)\]|…|\.\.\.)$/, '');
  if (body === undefined || opening.length === 0) return false;
  const text = words(plainText(body));
  // Whole words: "Hội nghị" does not open "Hội nghịch…".
  return text.startsWith(opening) && !/^[\p{L}\p{N}\p{M}]/u.test(text.slice(opening.length));
}
