import type { SanitizeAllowlist, ServerSanitizeFinish } from '@portico/element';
import {
  classifyRemovals,
  textAlignOf,
  UNSAFE_TAGS,
  type SanitizeRemovals,
  type SanitizeRemoved,
} from '@portico/element/sanitize-allowlists';
import sanitize from 'sanitize-html';

export interface SanitizedHtmlString {
  /** The HTML to render. */
  html: string;
  /** How many elements and attributes the input had that the allowlist does not keep (0 for clean input). */
  removed: number;
  /**
   * What was removed, by name and kind, as the browser's sanitizer sorts it (`classifyRemovals`
   * of `@portico/element`), for the widget's warning.
   */
  removals: SanitizeRemovals;
}

/** Never kept, whatever an allowlist says: elements that run code, load documents or take input. */
const NEVER_ALLOWED: ReadonlySet<string> = new Set(UNSAFE_TAGS);

/**
 * Elements that go with their content when not allowed: DOMPurify's list (`FORBID_CONTENTS`),
 * so the server drops the same text the browser does (an SVG's `<text>`, a video's fallback),
 * and keeps what it keeps (a `<textarea>`'s text). All but `noscript`, whose words the
 * browser's DOMPurify keeps (the sanitize tests compare both in Chromium).
 */
const GONE_WITH_CONTENT = [
  ...['annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi', 'mn', 'mo'],
  ...['ms', 'mtext', 'noembed', 'noframes', 'plaintext', 'script', 'selectedcontent', 'style', 'svg'],
  ...['template', 'thead', 'title', 'video', 'xmp'],
];

/** Kept everywhere the browser's DOMPurify keeps them. */
const DATA_OR_ARIA = /^(?:data-[-\w.]+|aria-[-\w]+)$/;

/** What the browser takes out of the markup before DOMPurify parses it, from every start tag. */
const INLINE_NAME = /^(?:style|on[a-z]+)$/i;

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const IMAGE_SCHEMES = ['http', 'https', 'data'];

/**
 * Whether sanitize-html drops this address (its `allowedSchemes` check, as `launder` makes it:
 * control characters, spaces and comments do not count; a protocol-relative address passes),
 * or the image transform below does (`data:` that is not an image): to name it as removed.
 */
function refusedAddress(tag: string, address: string): boolean {
  // eslint-disable-next-line no-control-regex -- what browsers ignore in an address
  const cleaned = address.replace(/[\u0000-\u0020]+/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const scheme = /^([a-z][a-z\d.+-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) return false;
  if (tag === 'img') return !IMAGE_SCHEMES.includes(scheme) || (scheme === 'data' && !/^data:image\//i.test(cleaned));
  return !LINK_SCHEMES.includes(scheme);
}

/**
 * Whether sanitize-html drops this `srcset`: every candidate's address is refused. Addresses
 * are read as browsers read them: up to white space (commas inside are part of it, as in a
 * `data:` address), less trailing commas; descriptors run to the next comma.
 */
function refusedSrcset(tag: string, srcset: string): boolean {
  const addresses: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    const address = /^\S+/.exec(rest)?.[0];
    if (address === undefined) break;
    rest = rest.slice(address.length);
    if (!address.endsWith(',')) rest = rest.replace(/^[^,]*/, '');
    addresses.push(address.replace(/,+$/, ''));
  }
  return addresses.length > 0 && addresses.every((address) => refusedAddress(tag, address));
}

/** A style's text alignment kept as `data-align`, as the browser's sanitizer keeps it (the style itself goes). */
function withAlignment(attribs: Record<string, string>): Record<string, string> {
  const align = attribs.style === undefined ? undefined : textAlignOf(attribs.style);
  return align ? { ...attribs, 'data-align': align } : attribs;
}

/**
 * Sanitizes HTML from a CMS without a DOM (on the server) with `sanitize-html`, keeping the
 * same allowlist the browser's DOMPurify profile keeps: scripts, styles and the like go with
 * their content, other elements that are not allowed go but leave their content, comments go,
 * links may only go to web, mail or phone addresses (images also `data:`), event handlers
 * and `style` never stay. As the browser's hook does, a `target="_blank"` link gets
 * `rel="noopener noreferrer"` and images load lazily.
 */
export function sanitizeHtmlString(
  html: string,
  allowed: SanitizeAllowlist,
  finish: ServerSanitizeFinish = {},
): SanitizedHtmlString {
  const tags = allowed.tags.map((tag) => tag.toLowerCase()).filter((tag) => !NEVER_ALLOWED.has(tag));
  const attributes = allowed.attributes
    .map((name) => name.toLowerCase())
    .filter((name) => !/^on|^style$|^srcdoc$/.test(name));
  const removed: SanitizeRemoved[] = [];
  // Inside an element that goes with its content (an <svg>, a <video>), as DOMPurify removes it:
  // the element is named, not what it holds.
  let discarding = 0;
  const output = sanitize(html, {
    allowedTags: tags,
    allowedAttributes: { '*': [...attributes, 'data-*', 'aria-*'], img: ['loading', 'decoding'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    nonTextTags: GONE_WITH_CONTENT,
    transformTags: {
      '*': (tagName, attribs) => ({ tagName, attribs: withAlignment(attribs) }),
      a: (tagName, given) => {
        const attribs = withAlignment(given);
        // As the browser's hook does: a new-tab link's rel is replaced; then the widget's tokens.
        const rel = new Set(
          (attribs.target === '_blank' ? 'noopener noreferrer' : (attribs.rel ?? '')).split(/\s+/).filter(Boolean),
        );
        const added = attribs.href === undefined ? undefined : finish.linkRel?.(attribs.href);
        for (const token of added?.split(/\s+/).filter(Boolean) ?? []) rel.add(token);
        return { tagName, attribs: rel.size ? { ...attribs, rel: [...rel].join(' ') } : attribs };
      },
      img: (tagName, attribs) => {
        const kept: Record<string, string> = { ...withAlignment(attribs), loading: 'lazy', decoding: 'async' };
        if (finish.imageAlt && !kept.alt?.trim()) kept.alt = finish.imageAlt;
        // Images may be inline data, but only image data: never `data:text/html`.
        if (/^\s*data:/i.test(kept.src ?? '') && !/^\s*data:image\//i.test(kept.src ?? '')) delete kept.src;
        return { tagName, attribs: kept };
      },
    },
    // What is removed, named as the browser names it: the style and event-handler attributes of
    // every start tag (which it takes out of the markup first), then as DOMPurify does, the
    // elements not kept, and the attributes of those kept that the allowlist does not keep or
    // whose address it refuses.
    onOpenTag(name, attribs) {
      for (const [attribute, value] of Object.entries(attribs)) {
        if (INLINE_NAME.test(attribute)) removed.push({ attribute, value });
      }
      if (discarding > 0) {
        discarding += 1;
        return;
      }
      if (!tags.includes(name)) {
        removed.push({ element: name });
        if (GONE_WITH_CONTENT.includes(name)) discarding = 1;
        return;
      }
      for (const [attribute, value] of Object.entries(attribs)) {
        if (INLINE_NAME.test(attribute)) continue;
        const allowedAttribute = attributes.includes(attribute) || DATA_OR_ARIA.test(attribute);
        const refused =
          allowedAttribute &&
          (attribute === 'srcset'
            ? refusedSrcset(name, value)
            : (attribute === 'href' || attribute === 'src') && refusedAddress(name, value));
        if (!allowedAttribute || refused) removed.push({ attribute, value });
      }
    },
    onCloseTag() {
      if (discarding > 0) discarding -= 1;
    },
  });
  return { html: output, removed: removed.length, removals: classifyRemovals(removed, allowed) };
}
