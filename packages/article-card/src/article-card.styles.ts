import { css } from 'lit';

// Notes kept out of the stylesheet, which ships as it is written (one rule a line, to keep
// the widget within its size budget; hence prettier-ignore):
// - the host draws no box: a card sits in the page's own list or column;
// - `article` is the containing block of the title link's `::after`, which covers the card
//   and makes all of it clickable; the focus ring is drawn on it, round the whole card;
// - an image without the data's width and height keeps an aspect-ratio box while it loads,
//   and list thumbnails share one shape whatever the images' own;
// - a list card's text and thumbnail share a row while the text keeps its least width; in a
//   narrower column the text wraps below and the image, alone on its row, takes the width
//   (its growth beside the text is 1/9999 of the spare space: none to see); an image's own
//   width (its `width`, or 100%) is no least width for the thumbnail, and a card without an
//   image is a plain column, where the text's row basis would be a height;
// - the body's figures take the body's width (no 40px sides), as the head stylesheet prints them; a wide
//   table or <pre> scrolls sideways inside the body rather than widening the page on a phone
//   (as GitHub's Markdown styles do it);
// - loading from a source, the note keeps the picture's box (featured) or the thumbnail's
//   height (list, at 4:3): what the head stylesheet reserves for the tag, and most of the card;
// - `--_lead-lines` comes from `lead-lines`: 1 to 12 through `data-lines` (no inline style, which
//   a strict Content-Security-Policy refuses in server-rendered HTML), more set through the
//   CSSOM once rendered in the browser (`updated()`).
// prettier-ignore
export const articleCardStyles = css`
:host { --_ratio: var(--portico-article-card-image-ratio, 16 / 9); }
article, [part~='text'] { display: flex; flex-direction: column; gap: var(--portico-article-card-gap, 0.5em); }
article { position: relative; }
p, [part~='title'] { margin: 0; }
[part~='title'] { color: var(--portico-article-card-title-color, inherit); font-size: var(--portico-article-card-title-size, 1.125em); line-height: 1.3; }
.full [part~='title'] { font-size: var(--portico-article-card-full-title-size, 1.5em); }
[part~='link'] { color: inherit; text-decoration: none; }
[part~='link']:hover { text-decoration: underline; }
[part~='link']::after { position: absolute; inset: 0; content: ''; }
[part~='link']:focus { outline: 0; }
[part~='link']:focus-visible::after, [part~='body'] a:focus-visible { outline: 2px solid var(--_portico-accent); outline-offset: 2px; }
[part~='meta'] { color: var(--_portico-muted); font-size: 0.875em; }
/* Each item whole, as the head stylesheet draws the printed ones: "Hits:" stays with its number. */
[part~='meta'] > * { display: inline-block; }
[part~='meta'] > * + *::before { margin-inline: 0.4em; content: '·' / ''; }
[part~='image'] { order: -1; inline-size: 100%; block-size: auto; background: var(--_portico-border); object-fit: cover; }
[part~='image']:not([width][height]) { aspect-ratio: var(--_ratio); }
.list { --_ratio: var(--portico-article-card-image-ratio, 4 / 3); }
.list.has-image { flex-flow: row wrap; align-items: flex-start; }
.list.has-image [part~='text'] { flex: 9999 1 var(--portico-article-card-list-text-size, 10em); min-inline-size: 0; }
.list [part~='image'] { flex: 1 0 var(--portico-article-card-thumbnail-size, 7.5em); min-inline-size: 0; aspect-ratio: var(--_ratio); }
.list [part~='lead'] { display: -webkit-box; overflow: hidden; -webkit-box-orient: vertical; -webkit-line-clamp: var(--_lead-lines); line-clamp: var(--_lead-lines); }
[data-lines='1'] { --_lead-lines: 1; } [data-lines='2'] { --_lead-lines: 2; } [data-lines='3'] { --_lead-lines: 3; }
[data-lines='4'] { --_lead-lines: 4; } [data-lines='5'] { --_lead-lines: 5; } [data-lines='6'] { --_lead-lines: 6; }
[data-lines='7'] { --_lead-lines: 7; } [data-lines='8'] { --_lead-lines: 8; } [data-lines='9'] { --_lead-lines: 9; }
[data-lines='10'] { --_lead-lines: 10; } [data-lines='11'] { --_lead-lines: 11; } [data-lines='12'] { --_lead-lines: 12; }
.full [part~='image'] { order: 0; }
.full [part~='lead'], [part~='byline'] { font-weight: 700; }
[part~='byline'] { text-align: end; }
[part~='body'] figure { margin-inline: 0; }
[part~='body'] > * { margin-block: 0 0.75em; }
[part~='body'] pre { overflow-x: auto; }
[part~='body'] table { display: block; inline-size: max-content; max-inline-size: 100%; overflow-x: auto; border-collapse: collapse; }
[part~='body'] :is(th, td) { padding: 0.25em 0.5em; border: 1px solid var(--_portico-border); }
[part~='body'] a { color: var(--_portico-accent); }
[part~='body'] img { max-inline-size: 100%; block-size: auto; }
[data-align='center'] { text-align: center; } [data-align='right'] { text-align: right; } [data-align='left'] { text-align: left; }
[data-align='justify'] { text-align: justify; } [data-align='start'] { text-align: start; } [data-align='end'] { text-align: end; }
[part~='empty']:not([part~='error']) { color: var(--_portico-muted); }
[part~='loading'].featured::before { display: block; aspect-ratio: var(--_ratio); margin-block-end: var(--portico-article-card-gap, 0.5em); background: var(--_portico-border); content: ''; }
[part~='loading'].list { min-block-size: calc(var(--portico-article-card-thumbnail-size, 7.5em) * 3 / 4); }
`;
