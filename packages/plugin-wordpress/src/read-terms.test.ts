import { describe, expect, it } from 'vitest';
import categories from './fixtures/categories.json' with { type: 'json' };
import menuItems from './fixtures/menu-items.json' with { type: 'json' };
import { readCategoryTerms, readMenuItems } from './read-terms.js';

const category = (slug: string): string => `https://example.vn/category/${slug}/`;

describe('readCategoryTerms', () => {
  it('builds the tree from parent, with names as text, links and counts', () => {
    expect(readCategoryTerms(categories, 'wp/v2/categories')).toEqual([
      {
        id: '4',
        title: 'Công tác dân vận - mặt trận',
        url: category('cong-tac-dan-van-mat-tran'),
        count: 1,
        children: [
          {
            id: '7',
            title: 'Chuyên mục mẫu & con',
            url: category('cong-tac-dan-van-mat-tran/chuyen-muc-mau-con'),
            count: 1,
          },
        ],
      },
      { id: '6', title: 'Giải phóng miền Nam', url: category('giai-phong-mien-nam'), count: 0 },
      { id: '5', title: 'Tiến tới đại hội đảng', url: category('tien-toi-dai-hoi-dang'), count: 0 },
    ]);
  });

  it('puts a category whose parent is missing, or whose parents loop, at the top', () => {
    const term = (id: number, parent: number) => ({
      id,
      name: `Mẫu ${String(id)}`,
      link: `/mau-${String(id)}`,
      parent,
      count: 0,
    });
    const tree = readCategoryTerms([term(1, 99), term(2, 3), term(3, 2)], 'terms');
    expect(tree.map((node) => node.id)).toEqual(['1', '3']);
    expect(tree[1]?.children?.map((node) => node.id)).toEqual(['2']);
  });

  it('leaves out a term it cannot read, with a warning naming it', () => {
    const warnings: string[] = [];
    const tree = readCategoryTerms([{ ...categories[0], link: null }, categories[2]], 'wp/v2/categories', (message) =>
      warnings.push(message),
    );
    expect(tree.map((node) => node.id)).toEqual(['6']);
    expect(warnings).toEqual(['wp/v2/categories[0].link must be a string, got null. That item is left out.']);
  });

  it('names the field of the wrong type', () => {
    expect(() => readCategoryTerms([{ ...categories[0], name: null }], 'wp/v2/categories')).toThrow(
      'wp/v2/categories[0].name must be a string, got null.',
    );
    expect(() => readCategoryTerms([{ ...categories[0], parent: '4' }], 'wp/v2/categories')).toThrow(
      'wp/v2/categories[0].parent must be a number',
    );
  });
});

describe('readMenuItems', () => {
  it('builds the menu’s tree in menu order; category items keep the category id', () => {
    expect(readMenuItems(menuItems, 'wp/v2/menu-items')).toEqual([
      { id: 'menu-item-31', title: 'Trang chủ', url: 'https://example.vn/' },
      {
        id: '4',
        title: 'Công tác dân vận - mặt trận',
        url: category('cong-tac-dan-van-mat-tran'),
        children: [
          { id: '7', title: 'Chuyên mục mẫu & con', url: category('cong-tac-dan-van-mat-tran/chuyen-muc-mau-con') },
        ],
      },
      { id: '5', title: 'Tiến tới đại hội đảng', url: category('tien-toi-dai-hoi-dang') },
      { id: '6', title: 'Giải phóng miền Nam', url: category('giai-phong-mien-nam') },
    ]);
  });

  it('follows menu_order over the answer’s order and leaves out drafts and items of deleted objects', () => {
    const [home, first, child, second, third] = menuItems;
    const items = readMenuItems(
      [third, { ...second, status: 'draft' }, { ...child, invalid: true }, first, home],
      'wp/v2/menu-items',
    );
    expect(items.map((item) => item.id)).toEqual(['menu-item-31', '4', '6']);
    expect(items[1]).not.toHaveProperty('children');
  });

  it('names the field of the wrong type', () => {
    expect(() => readMenuItems([{ ...menuItems[0], title: 'Trang chủ' }], 'wp/v2/menu-items')).toThrow(
      'wp/v2/menu-items[0].title must be an object, got the text "Trang chủ".',
    );
  });
});
