import { describe, expect, it } from 'vitest';
import { excerptToLead } from './html-text.js';

describe('excerptToLead', () => {
  it('drops WordPress’s default [&hellip;] and a theme’s more-link', () => {
    expect(excerptToLead('<p>Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn tổ chức [&hellip;]</p>\n')).toBe(
      'Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn tổ chức',
    );
    expect(
      excerptToLead(
        '<p>Tại hội nghị&#8230; <a href="https://example.vn/x/" class="more-link">Đọc tiếp<span class="screen-reader-text"> &#8220;x&#8221;</span></a></p>',
      ),
    ).toBe('Tại hội nghị\u2026');
  });
});
