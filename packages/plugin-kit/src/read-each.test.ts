import { SourceError } from '@portico/core';
import { describe, expect, it, vi } from 'vitest';
import { consoleWarnOnce, readEach } from './read-each.js';
import { readEachInList, readArticle } from './index.js';

const article = (id: string, title: unknown) => ({ id, title, published: '2020-08-25' });

describe('readEach', () => {
  it('leaves out an item it cannot read, with a warning naming it and why, and keeps the others', () => {
    const warnings: string[] = [];
    const articles = readEachInList(
      [article('a', 'Tin A'), article('b', null), article('c', 'Tin C')],
      'articles',
      readArticle,
      { where: '/portal.json', warn: (message) => warnings.push(message) },
    );
    expect(articles.map((item) => item.title)).toEqual(['Tin A', 'Tin C']);
    expect(warnings).toEqual(['In /portal.json: articles[1].title must be a string, got null. That item is left out.']);
  });

  it('fails with the first problem when no item can be read, unless asked for an empty list', () => {
    const bad = [article('a', 1), article('b', 2)];
    const warn = (): void => undefined;
    expect(() => readEachInList(bad, 'articles', readArticle, { warn })).toThrow(
      'articles[0].title must be a string, got a number.',
    );
    expect(readEachInList(bad, 'articles', readArticle, { warn, failWhenNoneRead: false })).toEqual([]);
    // Items left out on purpose are no problem: an empty list.
    expect(readEach([1, 2], () => undefined)).toEqual([]);
  });

  it('lets other errors through: a bug or an abort is not bad data', () => {
    expect(() =>
      readEach([1], () => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
    expect(() =>
      readEach([1], () => {
        throw new SourceError('network', 'offline', { retryable: true });
      }),
    ).toThrow('offline');
  });

  it('warns in the console once per message', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const warn = consoleWarnOnce('Portico json');
      warn('x is bad.');
      warn('x is bad.');
      warn('y is bad.');
      expect(spy.mock.calls).toEqual([['Portico json: x is bad.'], ['Portico json: y is bad.']]);
    } finally {
      spy.mockRestore();
    }
  });
});
