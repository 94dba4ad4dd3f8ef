import { describe, expect, it } from 'vitest';
import { isImageAddress } from './address-policy.js';
import { classifyRemovals, SANITIZE_ALLOWLISTS } from './sanitize-allowlists.js';

describe('classifyRemovals', () => {
  it('sorts what was removed into unsafe, not kept and presentation, each name once', () => {
    expect(
      classifyRemovals(
        [
          { element: 'SCRIPT' },
          { element: 'iframe' },
          { element: 'script' },
          { element: 'video' },
          { element: 'DIV' },
          { element: '#comment' },
          { attribute: 'onclick', value: 'x()' },
          { attribute: 'ONCLICK', value: 'y()' },
          { attribute: 'srcdoc', value: '<p>' },
          { attribute: 'href', value: ' JavaScript:alert(1)' },
          { attribute: 'src', value: 'java\tscript:alert(1)' },
          { attribute: 'title', value: 'a</style>' },
          { attribute: 'class', value: 'wp-block-image' },
          { attribute: 'id', value: 'x' },
          { attribute: 'style', value: 'text-align: justify;' },
          { attribute: 'style', value: 'color: red' },
          { attribute: 'align', value: 'center' },
          { attribute: 'loading', value: 'lazy' },
          { attribute: 'decoding', value: 'async' },
          { attribute: 'fetchpriority', value: 'high' },
        ],
        SANITIZE_ALLOWLISTS.article,
      ),
    ).toEqual({
      unsafe: ['<iframe>', '<script>', 'href="javascript:…"', 'onclick', 'src="javascript:…"', 'srcdoc', 'title'],
      notKept: ['<div>', '<video>', 'align', 'style'],
      presentation: ['class', 'decoding', 'fetchpriority', 'id', 'loading', 'style'],
    });
  });

  it('calls an element the profile allows but that was removed all the same unsafe', () => {
    expect(classifyRemovals([{ element: 'p' }, { element: 'h2' }], SANITIZE_ALLOWLISTS.banner)).toEqual({
      unsafe: ['<p>'],
      notKept: ['<h2>'],
      presentation: [],
    });
  });
});

describe('isImageAddress', () => {
  it('takes web, relative and inline image addresses for an image field, and nothing that runs or is no image', () => {
    for (const address of [
      'https://portal.test/anh.jpg',
      'http://portal.test/anh.jpg',
      '/images/anh.jpg',
      'anh.jpg',
      '//cdn.test/anh.webp',
      'data:image/png;base64,iVBORw0KGgo=',
      'DATA:image/svg+xml,%3Csvg%2F%3E',
    ]) {
      expect(isImageAddress(address), address).toBe(true);
    }
    for (const address of [
      'javascript:alert(1)',
      ' JaVa\tScRiPt:alert(1)',
      'data:text/html,<script>1</script>',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(isImageAddress(address), address).toBe(false);
    }
  });
});
