import { describe, expect, it } from 'vitest';
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import post from './fixtures/post.json' with { type: 'json' };
import posts from './fixtures/posts.json' with { type: 'json' };
import forbidden from './fixtures/error-forbidden.json' with { type: 'json' };
import { readPost } from './read-post.js';

const [seedArticle] = seed.articles;
const uploads = 'https://example.vn/wp-content/uploads/2020/08/';

/** The fixture with some fields replaced, as a differently configured site would answer. */
function variant(changes: Record<string, unknown>): unknown {
  return { ...structuredClone(post), ...changes };
}

describe('readPost', () => {
  it('maps every field of a post with _embed to the seed article', () => {
    const { article, status } = readPost(post, 'post');
    expect(status).toBe('publish');
    expect(article).toEqual({
      id: '1207',
      title: seedArticle!.title,
      url: `https://example.vn${seedArticle!.url}/`,
      published: '2020-08-25T08:30:00Z',
      modified: '2020-08-25T09:02:11Z',
      lead: seedArticle!.lead,
      body: seedArticle!.body.replace('</p><p>', '</p>\n<p>') + '\n',
      authors: ['Thúy Vân'],
      categoryId: '4',
      image: {
        src: `${uploads}hoi-nghi-giao-ban-mau.jpg`,
        alt: 'Ảnh minh họa mẫu (sample)',
        width: 1200,
        height: 800,
        // The square 150×150 crop is left out, as WordPress leaves it out of its own srcset.
        srcset: [
          `${uploads}hoi-nghi-giao-ban-mau-300x200.jpg 300w`,
          `${uploads}hoi-nghi-giao-ban-mau-768x512.jpg 768w`,
          `${uploads}hoi-nghi-giao-ban-mau-1024x683.jpg 1024w`,
          `${uploads}hoi-nghi-giao-ban-mau.jpg 1200w`,
        ].join(', '),
      },
    });
  });

  it('turns entities in titles into characters and keeps the body as HTML', () => {
    const { article } = readPost(posts[1], 'posts[1]');
    expect(article.title).toBe('Bài viết mẫu \u2013 \u201Ckiểm thử\u201D & ký hiệu');
    expect(article.lead).toBe('Nội dung mẫu (sample) để kiểm thử các ký hiệu & dấu \u201Cngoặc kép\u201D.');
    expect(article.body).toBe(
      '<p>Nội dung mẫu (sample) để kiểm thử các ký hiệu &amp; dấu &#8220;ngoặc kép&#8221;.</p>\n',
    );
    expect(article.categoryId).toBe('7');
    expect(article.image).toBeUndefined();
  });

  it('shows nothing of a password-protected post’s text', () => {
    const { article } = readPost(
      variant({ content: { rendered: '', protected: true }, excerpt: { rendered: '', protected: true } }),
      'post',
    );
    expect(article.body).toBeUndefined();
    expect(article.lead).toBeUndefined();
    expect(article.title).toBe(seedArticle!.title);
  });

  it('skips embeds the visitor may not see, and images without smaller sizes get no srcset', () => {
    const embedded = structuredClone(post._embedded) as Record<string, unknown>;
    embedded.author = [forbidden];
    embedded['wp:featuredmedia'] = [forbidden];
    expect(readPost(variant({ _embedded: embedded }), 'post').article).not.toHaveProperty('image');
    expect(readPost(variant({ _embedded: embedded }), 'post').article).not.toHaveProperty('authors');

    const media = structuredClone(post._embedded['wp:featuredmedia'][0]) as Record<string, unknown>;
    media.media_details = { width: 120, height: 80, file: '2020/08/nho.jpg', sizes: [] };
    const small = readPost(variant({ _embedded: { ...post._embedded, 'wp:featuredmedia': [media] } }), 'post');
    expect(small.article.image).toEqual({
      src: `${uploads}hoi-nghi-giao-ban-mau.jpg`,
      alt: 'Ảnh minh họa mẫu (sample)',
      width: 120,
      height: 80,
    });
  });

  it('takes the category from the embedded terms when the categories field is left out', () => {
    const { categories: _left, ...withoutCategories } = structuredClone(post);
    expect(readPost(withoutCategories, 'post').article.categoryId).toBe('4');
  });

  it('falls back to the site-local date when there is no date_gmt', () => {
    expect(readPost(variant({ date_gmt: null, modified_gmt: null }), 'post').article).toMatchObject({
      published: '2020-08-25T15:30:00',
    });
  });

  it('reads the views field of WP-PostViews 2 only when told to', () => {
    expect(readPost(variant({ views: 2748 }), 'post').article.views).toBeUndefined();
    expect(readPost(variant({ views: 2748 }), 'post', { viewsField: true }).article.views).toBe(2748);
  });

  it('names the field of the wrong type', () => {
    expect(() => readPost(variant({ title: { rendered: 42 } }), 'wp/v2/posts[0]')).toThrow(
      'wp/v2/posts[0].title.rendered must be a string, got a number.',
    );
    expect(() => readPost(variant({ date_gmt: 'hôm qua' }), 'post')).toThrow(
      'post.date_gmt must be a date-time like 2020-08-25T08:30:00, got "hôm qua".',
    );
    expect(() => readPost(variant({ categories: 4 }), 'post')).toThrow('post.categories must be a list, got a number.');
    expect(() => readPost(variant({ id: null }), 'post')).toThrow('post.id must be an id');
    expect(() => readPost(variant({ views: 'nhiều' }), 'post', { viewsField: true })).toThrow(
      'post.views must be a whole number of 0 or more',
    );
    expect(() => readPost([post], 'post')).toThrow('post must be an object, got a list.');
  });
});
