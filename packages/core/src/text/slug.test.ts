import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from './slug.js';

describe('slugify', () => {
  it('makes the seed article’s slug from its title', () => {
    expect(slugify('Thoại Sơn: Hội nghị giao ban công tác dân vận tháng 8 năm 2020')).toBe(
      'thoai-son-hoi-nghi-giao-ban-cong-tac-dan-van-thang-8-nam-2020',
    );
    expect(slugify('Công tác dân vận - mặt trận')).toBe('cong-tac-dan-van-mat-tran');
  });

  it('turns đ into d and drops every tone mark, precomposed or combining', () => {
    expect(slugify('Đại hội Đảng')).toBe('dai-hoi-dang');
    expect(slugify('Đại hội Đảng'.normalize('NFD'))).toBe('dai-hoi-dang');
    expect(slugify('Giải phóng miền Nam')).toBe('giai-phong-mien-nam');
    expect(slugify('Straße, Æsir, Øresund')).toBe('strasse-aesir-oresund');
  });

  it('cuts long slugs at a word break', () => {
    expect(slugify('Thoại Sơn: Hội nghị giao ban', { maxLength: 14 })).toBe('thoai-son-hoi');
    expect(slugify('abcdefghijklmnop', { maxLength: 5 })).toBe('abcde');
  });

  it('gives "" for text with no Latin letters and for non-strings', () => {
    expect(slugify('中文 !!!')).toBe('');
    expect(slugify(undefined)).toBe('');
    expect(slugify(42)).toBe('');
  });

  it('is ASCII-only and idempotent for any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.integer({ min: 1, max: 100 }),
        (text, maxLength) => {
          const slug = slugify(text, { maxLength });
          expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
          expect(slug.length).toBeLessThanOrEqual(maxLength);
          expect(slugify(slug, { maxLength })).toBe(slug);
        },
      ),
    );
  });

  it('is idempotent on Vietnamese text (property)', () => {
    const vietnamese = fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐƯƠ:-,.0123456789'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(fc.array(vietnamese, { maxLength: 80 }), (letters) => {
        const slug = slugify(letters.join(''));
        expect(slug).toMatch(/^[a-z0-9-]*$/);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});
