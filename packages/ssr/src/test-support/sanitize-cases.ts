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
