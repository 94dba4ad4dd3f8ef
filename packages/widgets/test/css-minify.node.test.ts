import { describe, expect, it } from 'vitest';
import { minifyCss } from '../css-minify.js';

describe('minifyCss (the CDN build’s shrinking of `css` templates)', () => {
  it('drops comments and the white space CSS does not need', () => {
    expect(minifyCss('\n  /* the page’s own rule */\n  a,\n  p {\n    color: red;\n    margin: 0 auto;\n  }\n')).toBe(
      ' a, p{color:red;margin:0 auto;}',
    );
  });

  it('keeps quoted strings as written, spaces and escapes included', () => {
    // The raw template text: `\\` is one backslash in the CSS. The first space ends the escape.
    expect(minifyCss("[part~='stale']::before {\n  content: '⚠\\\\FE0E  ';\n}")).toBe(
      "[part~='stale']::before{content:'⚠\\\\FE0E  ';}",
    );
    expect(minifyCss('q::before { content: "a  {  b" ; }')).toBe('q::before{content:"a  {  b";}');
    // A CSS-escaped backslash (`\\\\` in the raw text) ends nothing; the quote after it does.
    expect(minifyCss("a::before { content: '\\\\\\\\'; }  b::after { content: 'x  y'; }")).toBe(
      "a::before{content:'\\\\\\\\';}b::after{content:'x  y';}",
    );
    // A CSS-escaped quote (`\\'` in the raw text) does not end the string.
    expect(minifyCss("q::before { content: 'it\\\\'s  two'; }")).toBe("q::before{content:'it\\\\'s  two';}");
  });

  it('reads an apostrophe in a comment as prose, not as the start of a string', () => {
    expect(minifyCss("/* the host's box */\n:host {\n  content: 'x  y';\n}")).toBe(" :host{content:'x  y';}");
  });
});
