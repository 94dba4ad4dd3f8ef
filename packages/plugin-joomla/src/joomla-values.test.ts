import { describe, expect, it } from 'vitest';
import { fillTemplate, joomlaDate, joomlaImage } from './joomla-values.js';

describe('Joomla values', () => {
  it('reads Joomla’s UTC dates as ISO 8601, and its ways of saying “no date”', () => {
    expect(joomlaDate('2020-08-25 10:00:00', 'd')).toBe('2020-08-25T10:00:00Z');
    expect(joomlaDate('2020-08-25T10:00:00.000Z', 'd')).toBe('2020-08-25T10:00:00Z');
    expect(joomlaDate(null, 'd')).toBeUndefined();
    expect(joomlaDate('', 'd')).toBeUndefined();
    expect(joomlaDate('0000-00-00 00:00:00', 'd')).toBeUndefined();
    expect(() => joomlaDate(20200825, 'data.attributes.created')).toThrow(
      'data.attributes.created must be a date such as "2020-08-25 10:00:00".',
    );
    expect(() => joomlaDate('25/08/2020', 'd')).toThrow('not "25/08/2020"');
  });

  it('takes the address and intrinsic size from a Joomla media-field image, resolved against the site', () => {
    const site = 'https://tinh-uy.example.vn/';
    expect(
      joomlaImage('images/x.jpg#joomlaImage://local-images/x.jpg?width=800&height=600', 'Ảnh', site, 'image'),
    ).toEqual({ src: 'https://tinh-uy.example.vn/images/x.jpg', alt: 'Ảnh', width: 800, height: 600 });
    expect(joomlaImage('https://cdn.example.vn/a%20b.png', undefined, site, 'image')).toEqual({
      src: 'https://cdn.example.vn/a%20b.png',
    });
    expect(joomlaImage('images/y.png#joomlaImage://local-images/y.png', '', site, 'image')).toEqual({
      src: 'https://tinh-uy.example.vn/images/y.png',
      alt: '',
    });
    expect(joomlaImage('', 'x', site, 'image')).toBeUndefined();
    expect(() => joomlaImage(5, undefined, site, 'data.attributes.images.image_intro')).toThrow(
      'data.attributes.images.image_intro must be an image address (a string).',
    );
  });

  it('fills link templates with encoded values', () => {
    expect(fillTemplate('index.php?id={id}:{alias}&x={missing}', { id: '27', alias: 'bài viết' })).toBe(
      'index.php?id=27:b%C3%A0i%20vi%E1%BA%BFt&x={missing}',
    );
    expect(fillTemplate('/{path}', { path: 'tin-tuc/thoi-su' })).toBe('/tin-tuc/thoi-su');
  });
});
