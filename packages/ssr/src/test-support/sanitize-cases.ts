import { SANITIZE_ALLOWLISTS } from '@portico/element/sanitize-allowlists';
import { sanitizeHtmlString } from '../sanitize.js';

// The allowlists the widgets' profiles use, as element exports them.
export const ARTICLE = SANITIZE_ALLOWLISTS.article;
export const BANNER = SANITIZE_ALLOWLISTS.banner;

export const sanitize = (html: string, allowed = ARTICLE): string => sanitizeHtmlString(html, allowed).html;

/** Attacks from the usual lists: scripts, handlers, script URLs hidden by case, entities and white space, parser tricks. */
export const ATTACKS = [
  '<script>window.__porticoPwned = 1</script>',
  '<img src="x" onerror="window.__porticoPwned = 2">',
  '<IMG SRC=x ONERROR=window.__porticoPwned=3>',
  '<p onclick="window.__porticoPwned = 4">đoạn</p>',
  '<a href="javascript:window.__porticoPwned = 5">bấm</a>',
  '<a href=" JaVaScRiPt:window.__porticoPwned = 6">bấm</a>',
  '<a href="java&#x09;script:window.__porticoPwned = 7">bấm</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__porticoPwned=8">bấm</a>',
  '<a href="&#106avascript:window.__porticoPwned=9">bấm</a>',
  '<a href="javascript&colon;window.__porticoPwned=10">bấm</a>',
  '<a href="jav&Tab;ascript:window.__porticoPwned=11">bấm</a>',
  '<a href="java\u0000script:window.__porticoPwned=12">bấm</a>',
  '<a href="data:text/html,<script>window.__porticoPwned=13</script>">bấm</a>',
  '<img src="data:text/html,x" alt="a">',
  '<img srcset="ok.png 1x, javascript:window.__porticoPwned=14 2x" alt="b">',
  '<svg><script>window.__porticoPwned = 15</script></svg>',
  '<svg><style><img src=x onerror="window.__porticoPwned=16"></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__porticoPwned=17"></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=window.__porticoPwned=18>"></noscript>',
  '<textarea><img src=x onerror=window.__porticoPwned=19></textarea>',
  '<title><img src=x onerror=window.__porticoPwned=20></title>',
  '<style><img src=x onerror=window.__porticoPwned=21></style>',
  '<iframe srcdoc="<script>parent.__porticoPwned=22</script>"></iframe>',
  '<form><button formaction="javascript:window.__porticoPwned=23">x</button></form>',
  '<p style="background:url(javascript:window.__porticoPwned=24)">x</p>',
  '<!--<img src=x onerror=window.__porticoPwned=25>-->',
  '<!--><img src=x onerror=window.__porticoPwned=26>-->',
  '<p title="a"onmouseover="window.__porticoPwned=27">x</p>',
  '<a/href="javascript:window.__porticoPwned=28">x</a>',
  '<img """><script>window.__porticoPwned=29</script>">',
  '<template><img src=x onerror=window.__porticoPwned=30></template>',
  '<xmp><img src=x onerror=window.__porticoPwned=31></xmp>',
  '<a href="#" onfocus="window.__porticoPwned=32" autofocus>x</a>',
  '<img src=x onerror=window.__porticoPwned=33',
  '<plaintext><img src=x onerror=window.__porticoPwned=34>',
  '<object data="javascript:window.__porticoPwned=35"></object><embed src="javascript:window.__porticoPwned=36">',
  '<base href="javascript:/"><a href="x">x</a>',
  '<a href="\u2028javascript:window.__porticoPwned=37">x</a>',
  '<img src="x" alt="<img src=x onerror=window.__porticoPwned=38>">',
];

/**
 * Markup a browser builds into another tree than the markup reads at first sight, with the text
 * the browser's sanitizer keeps of it: HTML after an unclosed `<svg>` or `<math>` leaves the
 * foreign content (the SVG goes, the paragraphs stay), text in a table moves before it, misnested
 * tags are closed and opened again, and a `<noscript>` holds markup.
 */
export const TREE_CASES: readonly { html: string; text: string }[] = [
  {
    html: '<p>Mở đầu</p><svg viewBox="0 0 24 24"><path d="M0 0h24"/><p>Đoạn một</p><p>Đoạn hai</p>',
    text: 'Mở đầuĐoạn mộtĐoạn hai',
  },
  {
    html: '<p>Chia sẻ <svg><circle r="1"/><h2>Tiêu đề</h2><div>Khối</div><ul><li>Ý</li></ul><img src="/a.jpg" alt="ảnh"><p>Cuối</p>',
    text: 'Chia sẻ Tiêu đềKhốiÝCuối',
  },
  { html: '<math><mi>x</mi><table><tr><td>Ô</td></tr></table><p>Sau bảng</p>', text: 'ÔSau bảng' },
  { html: '<svg><p>a</p>', text: 'a' },
  { html: '<svg><text>t<p>x</p></text></svg>', text: 'x' },
  { html: '<svg><desc><p>x</p></desc></svg><p>kept</p>', text: 'kept' },
  { html: '<p>x<svg><font color="red">f</font></svg>', text: 'xf' },
  { html: '<svg><style><img src="/b.png" alt="b"></style></svg>', text: '' },
  { html: '<table><tr><td>1</td></tr>lạc<tr><td>2</td></tr></table>', text: 'lạc12' },
  { html: '<table><b>đậm</b><tr><td>1</td></tr></table>', text: 'đậm1' },
  { html: '<b><p>x</b>y</p>', text: 'xy' },
  { html: '<a href="/1">a<p>b<a href="/2">c</a></p>', text: 'abc' },
  { html: '</p>a</b><br/><p>x</p></p>y', text: 'axy' },
  { html: '<p>a</p><noscript><p>không script</p></noscript><p>b</p>', text: 'ab' },
];
