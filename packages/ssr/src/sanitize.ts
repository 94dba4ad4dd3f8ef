import type { SanitizeAllowlist, ServerSanitizeFinish } from '@portico/element';
import {
  classifyRemovals,
  DATA_OR_ARIA,
  IMAGE_SCHEMES,
  INLINE_NAME,
  keepsValue,
  LINK_SCHEMES,
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

/**
 * The attributes less the values the address policy refuses (`keepsValue`, the browser's too),
 * and a style's text alignment kept as `data-align`, as the browser's sanitizer keeps it (the
 * style itself goes).
 */
function prepared(tag: string, attribs: Record<string, string>): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(attribs).filter(([name, value]) => keepsValue(tag, name, value)));
  const align = attribs.style === undefined ? undefined : textAlignOf(attribs.style);
  return align ? { ...kept, 'data-align': align } : kept;
}

/**
 * Sanitizes HTML from a CMS without a DOM (on the server) with `sanitize-html`, keeping the
 * same allowlist the browser's DOMPurify profile keeps: scripts, styles and the like go with
 * their content, other elements that are not allowed go but leave their content, comments go,
 * addresses are kept as `keepsValue` says (links to web, mail or phone addresses, images from
 * the web or inline raster data), event handlers and `style` never stay. As the browser's hook
 * does, a `target="_blank"` link gets `rel="noopener noreferrer"` and images load lazily.
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
  // An empty value stays, as in the browser (`href=""`, `title=""`), not only `alt=""`: an option
  // sanitize-html has (since 2.11) and its types lack.
  const keepEmpty: { allowedEmptyAttributes: string[] } = { allowedEmptyAttributes: attributes };
  const output = sanitize(html, {
    ...keepEmpty,
    allowedTags: tags,
    allowedAttributes: { '*': [...attributes, 'data-*', 'aria-*'], img: ['loading', 'decoding'] },
    // The policy is `keepsValue`'s (in the transforms); sanitize-html's own check, with the same
    // schemes, refuses nothing it keeps, and stays as a second lock.
    allowedSchemes: [...LINK_SCHEMES],
    allowedSchemesByTag: { img: [...IMAGE_SCHEMES, 'data'] },
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    nonTextTags: GONE_WITH_CONTENT,
    transformTags: {
      '*': (tagName, attribs) => ({ tagName, attribs: prepared(tagName, attribs) }),
      a: (tagName, given) => {
        const attribs = prepared(tagName, given);
        // As the browser's hook does: a new-tab link's rel is replaced; then the widget's tokens.
        const rel = new Set(
          (attribs.target === '_blank' ? 'noopener noreferrer' : (attribs.rel ?? '')).split(/\s+/).filter(Boolean),
        );
        const added = attribs.href === undefined ? undefined : finish.linkRel?.(attribs.href);
        for (const token of added?.split(/\s+/).filter(Boolean) ?? []) rel.add(token);
        return { tagName, attribs: rel.size ? { ...attribs, rel: [...rel].join(' ') } : attribs };
      },
      img: (tagName, attribs) => {
        const kept: Record<string, string> = { ...prepared(tagName, attribs), loading: 'lazy', decoding: 'async' };
        if (finish.imageAlt && !kept.alt?.trim()) kept.alt = finish.imageAlt;
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
        if (!allowedAttribute || !keepsValue(name, attribute, value)) removed.push({ attribute, value });
      }
    },
    onCloseTag() {
      if (discarding > 0) discarding -= 1;
    },
  });
  return { html: output, removed: removed.length, removals: classifyRemovals(removed, allowed) };
}
