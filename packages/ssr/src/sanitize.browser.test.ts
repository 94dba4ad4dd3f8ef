import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeHtmlString } from './sanitize.js';
import { ADDRESS_CASES, addressCaseHtml, addressCaseRemovals } from './test-support/address-cases.js';
import { ARTICLE, ATTACKS, sanitize, TREE_CASES } from './test-support/sanitize-cases.js';

// What the server's sanitizer writes, as Chromium parses it.
describe('sanitizeHtmlString, checked by Chromium', () => {
  it('writes only allowed elements and attributes as Chromium parses them, and runs nothing', async () => {
    const allowedTags = new Set(ARTICLE.tags);
    const allowedAttributes = new Set([...ARTICLE.attributes, 'loading', 'decoding']);
    const problems = (html: string): string[] => {
      const template = document.createElement('template');
      template.innerHTML = html;
      return Array.from(template.content.querySelectorAll('*')).flatMap((element) => [
        ...(allowedTags.has(element.localName) ? [] : [`<${element.localName}>`]),
        ...element
          .getAttributeNames()
          .filter((name) => !allowedAttributes.has(name) && !/^(data|aria)-/.test(name))
          .map((name) => `${element.localName}[${name}]`),
        ...['href', 'src']
          .map((name) => element.getAttribute(name))
          .filter((url) => url !== null && !/^(https?|mailto|tel|data):$/.test(new URL(url, location.href).protocol))
          .map((url) => `${element.localName} → ${url ?? ''}`),
        ...(element.getAttribute('src')?.startsWith('data:') && !element.getAttribute('src')?.startsWith('data:image/')
          ? ['a data: address that is not an image']
          : []),
      ]);
    };
    const holder = document.createElement('div');
    document.body.append(holder);
    for (const attack of ATTACKS) {
      const html = sanitize(attack);
      expect(problems(html), `${attack} → ${html}`).toEqual([]);
      holder.innerHTML += html;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as { __porticoPwned?: unknown }).__porticoPwned).toBeUndefined();
    holder.remove();

    // Whatever the markup, Chromium finds in the output nothing the allowlist does not allow.
    const piece = fc.oneof(
      fc.constantFrom(
        ...['<', '>', '</', '/>', '"', "'", '=', ' ', '&', ';', '#', ':', '!--', '-->', '<!', '<?', '\n', '\t'],
        ...['p', 'a', 'img', 'script', 'style', 'svg', 'math', 'textarea', 'title', 'template', 'table', 'td'],
        ...['href', 'src', 'srcset', 'onerror', 'style', 'javascript', 'data', 'x', '&#106;', '&colon;', '&Tab;'],
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = sanitize(pieces.join(''));
        expect(problems(html), html).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('drops and keeps the same elements and text as the browser’s DOMPurify', async () => {
    const { sanitizeHtml } = await import('@portico/element');
    const inputs = [
      '<p>a</p><svg><text>svg words</text></svg><p>b</p>',
      '<p>a<iframe>frame words</iframe><math><mi>x</mi></math><title>title words</title></p>',
      '<video src="/v.mp4">video fallback</video><audio>audio fallback</audio>',
      '<select><option>option words</option></select><textarea>textarea words</textarea>',
      '<noscript>noscript words</noscript>',
      '<template>template words</template><xmp>xmp words</xmp>',
      '<button>button words</button><form><label>label words</label></form>',
      '<style>p { color: red }</style><script>alert(1)</script><p>kept</p>',
      '<div><p>a <em>b</em><font>c</font></p><table><tr><td>d</td></tr></table><ul><li>e<li>f</ul></div>',
      '<figure><img src="/a.png" alt="a"><figcaption>g</figcaption></figure><blockquote><p>h<br>i</p></blockquote>',
    ];
    const elementsOf = (root: ParentNode) =>
      Array.from(root.querySelectorAll('*'), (element) => element.localName).join(' ');
    const differences: string[] = [];
    for (const input of inputs) {
      const { fragment } = await sanitizeHtml(input, 'article');
      const template = document.createElement('template');
      template.innerHTML = sanitize(input);
      const server = { text: template.content.textContent, elements: elementsOf(template.content) };
      const browser = { text: fragment.textContent, elements: elementsOf(fragment) };
      if (JSON.stringify(server) !== JSON.stringify(browser))
        differences.push(`${input}: server ${JSON.stringify(server)}, browser ${JSON.stringify(browser)}`);
    }
    expect(differences).toEqual([]);
  });

  it('builds the tree the browser builds: keeps the HTML after an unclosed <svg> or <math>, and what it names', async () => {
    const { sanitizeHtml } = await import('@portico/element');
    const elementsOf = (root: ParentNode) =>
      Array.from(root.querySelectorAll('*'), (element) => element.localName).join(' ');
    const differences: string[] = [];
    for (const { html, text } of TREE_CASES) {
      const browser = await sanitizeHtml(html, 'article');
      const server = sanitizeHtmlString(html, ARTICLE);
      const template = document.createElement('template');
      template.innerHTML = server.html;
      const found = {
        server: {
          text: template.content.textContent,
          elements: elementsOf(template.content),
          removals: server.removals,
        },
        browser: {
          text: browser.fragment.textContent,
          elements: elementsOf(browser.fragment),
          removals: browser.removals,
        },
      };
      if (found.browser.text !== text)
        differences.push(`${html}: the browser keeps ${JSON.stringify(found.browser.text)}`);
      // Written as Chromium reads it back: nothing it moves (text out of a table) or closes.
      if (template.innerHTML !== server.html.replaceAll(' />', '>'))
        differences.push(`${html}: the server writes ${server.html}, Chromium reads ${template.innerHTML}`);
      if (JSON.stringify(found.server) !== JSON.stringify(found.browser))
        differences.push(`${html}: server ${JSON.stringify(found.server)}, browser ${JSON.stringify(found.browser)}`);
    }
    expect(differences).toEqual([]);
  });

  it('keeps and drops the same addresses as the browser’s DOMPurify: those the policy table keeps', async () => {
    const { sanitizeHtml } = await import('@portico/element');
    const differences: string[] = [];
    for (const address of ADDRESS_CASES) {
      const html = addressCaseHtml(address);
      const browser = await sanitizeHtml(html, 'article');
      const server = sanitizeHtmlString(html, ARTICLE);
      const template = document.createElement('template');
      template.innerHTML = server.html;
      const outcome = (root: DocumentFragment, removals: unknown) => ({
        kept: root.firstElementChild?.hasAttribute(address.attribute),
        removals,
      });
      const expected = { kept: address.dropped === undefined, removals: addressCaseRemovals(address) };
      const found = {
        browser: outcome(browser.fragment, browser.removals),
        server: outcome(template.content, server.removals),
      };
      if (JSON.stringify(found) !== JSON.stringify({ browser: expected, server: expected }))
        differences.push(`${address.attribute}="${address.written}": ${JSON.stringify(found)}`);
      // A kept address is kept whole on both sides (a srcset not thinned to its safe entries on
      // one), spaces aside: DOMPurify trims a value, sanitize-html rewrites a srcset's commas.
      const value = (root: DocumentFragment) =>
        root.firstElementChild
          ?.getAttribute(address.attribute)
          ?.trim()
          .replace(/\s*,\s*/g, ',');
      if (value(browser.fragment) !== value(template.content))
        differences.push(
          `${address.attribute}="${address.written}": browser keeps ${JSON.stringify(value(browser.fragment))}, server ${JSON.stringify(value(template.content))}`,
        );
    }
    expect(differences).toEqual([]);
  });

  it('names what it removed as the browser’s sanitizer does, for the same warning', async () => {
    const { sanitizeHtml } = await import('@portico/element');
    const inputs = [
      '<p class="lead" id="p1" style="text-align:justify">a</p><p style="color: red">b</p>',
      '<p onclick="x()">a</p><iframe src="https://www.youtube.com/embed/x" frameborder="0">f</iframe><script>x()</script>',
      '<div class="wp-block-embed"><figure><video src="/v.mp4" controls><source src="/v.webm"></video></figure></div>',
      '<svg onload="x()"><circle onclick="y()" r="1"/><text>t</text></svg><math><mi>x</mi></math>',
      '<center><font color="red" face="Arial">x</font></center><p align="left" hidden>y</p><h1>z</h1>',
      '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="//cdn.example/x" target="_blank">c</a>',
      '<form action="/x"><input name="q"><button formaction="/y">go</button></form><object data="x"></object><embed src="y">',
      '<p>x<!-- ghi chú --></p><table><tr><td colspan="2" bgcolor="red">t</td></tr></table>',
    ];
    const differences: string[] = [];
    for (const input of inputs) {
      const browser = (await sanitizeHtml(input, 'article')).removals;
      const server = sanitizeHtmlString(input, ARTICLE).removals;
      if (JSON.stringify(server) !== JSON.stringify(browser))
        differences.push(`${input}: server ${JSON.stringify(server)}, browser ${JSON.stringify(browser)}`);
    }
    expect(differences).toEqual([]);
  });

  it('keeps a style’s text alignment as data-align, as the browser’s sanitizer does', async () => {
    const { sanitizeHtml } = await import('@portico/element');
    const input =
      '<p style="text-align: center;">a</p><p style="color: red; TEXT-ALIGN:right">b</p><a href="/x" style="text-align:justify">c</a>' +
      '<img src="/a.png" alt="d" style="text-align:left"><p style="text-align: inherit">e</p>';
    const { fragment } = await sanitizeHtml(input, 'article');
    const holder = document.createElement('div');
    holder.append(fragment);
    const aligned = (root: ParentNode) =>
      Array.from(root.querySelectorAll('*'), (element) => element.getAttribute('data-align'));
    const template = document.createElement('template');
    template.innerHTML = sanitize(input);
    expect(aligned(holder)).toEqual(['center', 'right', 'justify', 'left', null]);
    expect(aligned(template.content)).toEqual(aligned(holder));
    expect(holder.querySelector('[style]')).toBeNull();
  });
});
