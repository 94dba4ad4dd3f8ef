import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-text.js';

describe('decodeEntities', () => {
  it('decodes the numeric references wptexturize writes into titles', () => {
    expect(decodeEntities('Đại hội &#8211; &#8220;Đoàn kết&#8221; &#8230; 2020&#8217;s')).toBe(
      'Đại hội \u2013 \u201CĐoàn kết\u201D \u2026 2020\u2019s',
    );
    expect(decodeEntities('&#x110;&#X1EA1;i')).toBe('Đại');
  });

  it('decodes the common named references', () => {
    expect(decodeEntities('Dân vận &amp; mặt trận &lt;b&gt; &quot;x&quot; &apos;y&apos;')).toBe(
      'Dân vận & mặt trận <b> "x" \'y\'',
    );
    expect(decodeEntities('69&nbsp;khách&hellip; &laquo;a&raquo; &mdash; &copy;')).toBe(
      '69\u00A0khách\u2026 \u00ABa\u00BB \u2014 \u00A9',
    );
  });

  it('reads &#128;–&#159; as Windows-1252, as HTML does', () => {
    expect(decodeEntities('a&#150;b &#147;c&#148;')).toBe('a\u2013b \u201Cc\u201D');
  });

  it('replaces impossible code points and leaves unknown names and bare ampersands alone', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;')).toBe('\uFFFD\uFFFD\uFFFD');
    expect(decodeEntities('&unknown; R&D &amp')).toBe('&unknown; R&D &amp');
  });

  it('decodes only once, so an escaped reference stays visible', () => {
    expect(decodeEntities('&amp;amp; &amp;#8211;')).toBe('&amp; &#8211;');
  });
});

describe('htmlToText', () => {
  it('drops tags, keeps words apart across blocks and collapses white space', () => {
    expect(htmlToText('<p>Ngày <strong>25/8/2020</strong>,</p>\n<p>Ban Dân vận</p><br/>Huyện ủy')).toBe(
      'Ngày 25/8/2020, Ban Dân vận Huyện ủy',
    );
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(htmlToText('a<script>alert("x")</script>b<style>p{}</style>c<!-- note -->d')).toBe('abcd');
  });

  it('keeps an escaped tag as visible text instead of markup', () => {
    expect(htmlToText('Dùng thẻ &lt;b&gt; để in đậm')).toBe('Dùng thẻ <b> để in đậm');
  });
});

describe('decodeEntities for Vietnamese written by older editors', () => {
  it('composes accented letters from named references', () => {
    expect(decodeEntities('Đ&agrave;o t&#7841;o c&aacute;n b&#x1ED9; &Ecirc;&ocirc; &unknown;')).toBe(
      'Đào tạo cán bộ Êô &unknown;',
    );
    expect(htmlToText('<p>Đ&agrave;o t&#7841;o</p><p>c&aacute;n b&#x1ED9;</p>')).toBe('Đào tạo cán bộ');
  });
});
