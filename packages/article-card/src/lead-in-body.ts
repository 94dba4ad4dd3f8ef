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

/** The text of an HTML string, without a DOM (a server renders the same): tags become spaces. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
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
  return body !== undefined && opening.length > 0 && words(plainText(body)).startsWith(opening);
}
