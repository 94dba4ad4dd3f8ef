// The `Array.from` of MooTools Core 1.4.5 (MIT License; Source/Core/Core.js), which Joomla 3
// loads on its pages (media/system/js/mootools-core.js, `JHtml::_('behavior.framework')`) and
// which replaces the browser's own: it ignores a mapping function, gives an iterable without
// `length` (a Set, Intl.Segmenter's segments) as a one-item list, gives an array itself rather
// than a copy, and turns `{ length: n }` into n holes. Tests install it to show that code which
// runs on CMS pages does not depend on the global `Array.from`.
//
// Self-contained, so a Playwright test can pass it to `page.addInitScript` (which runs its
// source in the page before the page's own scripts, as Joomla's <head> loads MooTools).

/**
 * Replaces `Array.from` with MooTools 1.4.5's; the function returned puts the original back.
 * @returns {() => void}
 */
export function installMooToolsArrayFrom() {
  var slice = Array.prototype.slice;
  var toString = Object.prototype.toString;
  // MooTools' `typeOf`, as far as `Array.from` asks it: MooTools gives Array.prototype a
  // `$family` that answers 'array'; without the rest of MooTools, Array.isArray says the same.
  /** @param {any} item */
  var typeOf = function (item) {
    if (item == null) return 'null';
    if (item.$family != null) return item.$family();
    if (Array.isArray(item)) return 'array';
    if (item.nodeName) {
      if (item.nodeType == 1) return 'element';
      if (item.nodeType == 3) return /\S/.test(item.nodeValue) ? 'textnode' : 'whitespace';
    } else if (typeof item.length == 'number') {
      if (item.callee) return 'arguments';
      if ('item' in item) return 'collection';
    }
    return typeof item;
  };
  /** @param {any} item */
  var isEnumerable = function (item) {
    return item != null && typeof item.length == 'number' && toString.call(item) != '[object Function]';
  };
  var original = Array.from;
  /** @param {any} item */
  var mooToolsFrom = function (item) {
    if (item == null) return [];
    return isEnumerable(item) && typeof item != 'string' ? (typeOf(item) == 'array' ? item : slice.call(item)) : [item];
  };
  /** @type {any} */ (Array).from = mooToolsFrom;
  return function restore() {
    Array.from = original;
  };
}
