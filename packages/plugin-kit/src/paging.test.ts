import { describe, expect, it } from 'vitest';
import { clampPaging } from './paging.js';

describe('clampPaging', () => {
  it('takes the first page at the default size when the query says nothing', () => {
    expect(clampPaging({}, { defaultPageSize: 10 })).toEqual({ page: 1, pageSize: 10 });
  });

  it('keeps a page and size the query gives', () => {
    expect(clampPaging({ page: 3, pageSize: 20 }, { defaultPageSize: 10, largestPageSize: 100 })).toEqual({
      page: 3,
      pageSize: 20,
    });
  });

  it('makes both whole numbers of at least 1', () => {
    expect(clampPaging({ page: 0, pageSize: 0 }, { defaultPageSize: 10 })).toEqual({ page: 1, pageSize: 1 });
    expect(clampPaging({ page: -2, pageSize: -5 }, { defaultPageSize: 10 })).toEqual({ page: 1, pageSize: 1 });
    expect(clampPaging({ page: 2.7, pageSize: 5.9 }, { defaultPageSize: 10 })).toEqual({ page: 2, pageSize: 5 });
  });

  it('holds the size to the ceiling, the default size too, and has none unless given', () => {
    expect(clampPaging({ pageSize: 500 }, { defaultPageSize: 10, largestPageSize: 100 }).pageSize).toBe(100);
    expect(clampPaging({}, { defaultPageSize: 250, largestPageSize: 100 }).pageSize).toBe(100);
    expect(clampPaging({ pageSize: 500 }, { defaultPageSize: 10 }).pageSize).toBe(500);
  });
});
