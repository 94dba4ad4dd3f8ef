/**
 * How a story's args become a widget, from the merged custom-elements.json: every public
 * attribute is a control (boolean, number, a select of the documented values, or text), each
 * data property (`stats`, `categories`, `article`, `banners`) an object control, and each
 * `portico-*` event is logged in the Actions panel. `lang`, which every widget takes but no
 * manifest lists (it is a global HTML attribute), gets a select of its own.
 */
import type { Preview } from '@storybook/web-components-vite';
import type { SBType } from 'storybook/internal/types';
import type { PorticoParameters } from '../src/kit/parameters.js';
import {
  declarationOf,
  type ManifestAttribute,
  type ManifestDeclaration,
  type ManifestMember,
  type ManifestNamed,
} from './manifest.js';

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type Render = NonNullable<Preview['render']>;

export type ControlKind = 'boolean' | 'number' | 'select' | 'text';

export interface AttributeControl {
  control: ControlKind;
  /** The values of an enumerated attribute (numbers for a heading level). */
  options?: (string | number)[];
  /** The type as the docs table shows it: the union of values rather than its alias name. */
  typeSummary: string;
  defaultValue: string | undefined;
  /** For an attribute on by default (`live`): the value that switches it off (`off`). */
  offValue?: string;
}

const LITERAL = /^(?:'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?|true|false)$/;
const TYPE_ALIAS = /^[A-Z]\w*$/;
const STRING_LITERAL = /^'([^']*)'$|^"([^"]*)"$/;
const NUMBER_LITERAL = /^-?\d+(?:\.\d+)?$/;

/**
 * The values of an enumerated type, as the manifests write it (`'vertical' | 'horizontal'`,
 * `1 | 2 | 3 | 4 | 5 | 6 | null | undefined`): strings unquoted, numbers as numbers;
 * `undefined` for any other type.
 */
function enumerated(type: string): (string | number)[] | undefined {
  const parts = type.split('|').map((part) => part.trim());
  const values = parts.filter((part) => part !== 'null' && part !== 'undefined');
  if (values.length === 0 || !values.every((part) => STRING_LITERAL.test(part) || NUMBER_LITERAL.test(part))) {
    return undefined;
  }
  return values.map((part) => {
    const quoted = STRING_LITERAL.exec(part);
    return quoted ? (quoted[1] ?? quoted[2] ?? '') : Number(part);
  });
}

/** The `lang` select's option for leaving the attribute off (the widget inherits its language). */
export const LANG_UNSET = 'unset';
/**
 * The languages the `lang` select offers: the two that ship, a regional tag of each, and one
 * that does not ship (`fr`: English phrases, French `Intl` formats).
 */
export const LANG_OPTIONS = [LANG_UNSET, 'vi', 'en', 'vi-VN', 'en-GB', 'fr'];

/**
 * Each widget's main switch, first in its Controls and Docs table (`controls.sort` is `none`,
 * so they follow the argTypes' order); the other attributes follow in the manifest's order.
 */
export const MAIN_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'portico-online-visitors': ['mode'],
  'portico-view-counter': ['value', 'digits'],
  'portico-category-menu': ['orientation'],
  'portico-article-card': ['variant'],
  'portico-sidebar-banners': ['position', 'rotate'],
};

/** `attributes`, the widget's main switches first. */
export function inControlOrder<T extends { name: string }>(tag: string, attributes: readonly T[]): T[] {
  const main = MAIN_ATTRIBUTES[tag] ?? [];
  const rank = (attribute: T): number => {
    const index = main.indexOf(attribute.name);
    return index < 0 ? main.length : index;
  };
  // A stable sort: the others keep the manifest's order.
  return [...attributes].sort((first, second) => rank(first) - rank(second));
}

/**
 * What control an attribute gets, from its manifest entry: an enumerated one (the manifests
 * write a type alias of literal values out: `'auto' | 'off'`) a select of its values. The
 * analyser gives a constant's name as the default of a number whose type it inferred
 * (`DEFAULT_LIVE_INTERVAL_SECONDS`): the default is then read from the JSDoc, which names it
 * (`(default 30)`).
 */
export function controlFor(attribute: ManifestAttribute): AttributeControl {
  const type = attribute.type?.text ?? '';
  const description = attribute.description ?? '';
  const documentedDefault = /\(default (-?\d+(?:\.\d+)?)\b/.exec(description)?.[1];
  const defaultValue =
    attribute.default !== undefined && LITERAL.test(attribute.default)
      ? attribute.default
      : (documentedDefault ?? attribute.default);
  const options = enumerated(type);
  if (options) {
    const typeSummary = options.map((option) => (typeof option === 'string' ? `'${option}'` : String(option)));
    return { control: 'select', options, typeSummary: typeSummary.join(' | '), defaultValue };
  }
  if (/\bboolean\b/.test(type)) {
    const offValue = new RegExp(`\`${attribute.name}="(\\w+)"\``).exec(description)?.[1];
    return { control: 'boolean', typeSummary: 'boolean', defaultValue, ...(offValue ? { offValue } : {}) };
  }
  const numeric = /^number\b/.test(type) || ((type === '' || TYPE_ALIAS.test(type)) && documentedDefault !== undefined);
  if (numeric) return { control: 'number', typeSummary: type || 'number', defaultValue };
  return { control: 'text', typeSummary: type || 'string', defaultValue };
}

/** Public fields that hold data rather than reflect an attribute: set from JavaScript only. */
export function dataProperties(declaration: ManifestDeclaration): ManifestMember[] {
  const reflected = new Set((declaration.attributes ?? []).map((attribute) => attribute.fieldName ?? attribute.name));
  return (declaration.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.readonly &&
      !reflected.has(member.name) &&
      !(member.type?.text ?? '').includes('=>'),
  );
}

/** The arg that receives an event: `portico-banner-click` → `onPorticoBannerClick`, as Storybook names it. */
export function eventArgName(event: string): string {
  return `on${event.replace(/(?:^|[-_:.\s]+)(.)/g, (_match, character: string) => character.toUpperCase())}`;
}

/**
 * The arg's type, as Storybook keeps it beside the control. Every row has one: Storybook then
 * keeps the argTypes' order (`MAIN_ATTRIBUTES` first) rather than putting the story's args
 * without a type first, as it does for the args it has to infer a type for.
 */
function typeOf(control: ControlKind, options?: readonly (string | number)[]): SBType {
  if (control === 'select') return { name: 'enum', value: [...(options ?? [])] };
  return { name: control === 'text' ? 'string' : control };
}

function described(description: string | undefined, extra: string): string {
  return [description, extra].filter(Boolean).join('\n\n');
}

/**
 * The docs table and controls of a widget's story, from the manifest. Storybook's own reading
 * of custom-elements.json keys every row by its bare name, so a slot, a part or an event
 * named like an attribute (`heading`, `current`, `reading-time`, `article`) hides it; here
 * only attributes and properties are args (the controls), and the other rows get keys of
 * their own.
 */
export const enhanceArgTypes: ArgTypesEnhancer = ({ component, argTypes }) => {
  const declaration = typeof component === 'string' ? declarationOf(component) : undefined;
  if (!declaration || typeof component !== 'string') return argTypes;
  const attributes = inControlOrder(component, declaration.attributes ?? []);
  const documented = [
    ...attributes,
    ...(declaration.members ?? []),
    ...(declaration.events ?? []),
    ...(declaration.slots ?? []),
    ...(declaration.cssProperties ?? []),
    ...(declaration.cssParts ?? []),
  ].map((item) => item.name);
  const enhanced: typeof argTypes = Object.fromEntries(
    Object.entries(argTypes).filter(([key]) => !documented.includes(key) && !key.startsWith('on')),
  );

  for (const attribute of attributes) {
    const { control, options, typeSummary, defaultValue } = controlFor(attribute);
    enhanced[attribute.name] = {
      name: attribute.name,
      description: attribute.description ?? '',
      type: typeOf(control, options),
      control: { type: control },
      ...(options ? { options } : {}),
      table: {
        category: 'attributes',
        type: { summary: typeSummary },
        ...(defaultValue === undefined ? {} : { defaultValue: { summary: defaultValue } }),
      },
    };
  }

  // A global HTML attribute: in no manifest, but every widget reads it.
  enhanced.lang = {
    name: 'lang',
    description:
      'The widget’s language: `vi` and `en` ship; a regional tag (`vi-VN`, `en-GB`) takes its language’s phrases and its own `Intl` formats; a language that does not ship (`fr`) takes English phrases and its own `Intl` formats. Unset, the widget follows its closest ancestor’s `lang` (here the toolbar’s locale), then `<html lang>`, then `en`.',
    type: typeOf('select', LANG_OPTIONS),
    control: { type: 'select', labels: { [LANG_UNSET]: 'unset (inherited)', fr: 'fr (not shipped: English phrases)' } },
    options: LANG_OPTIONS,
    // `unset` reaches the render as no value: the attribute is left off.
    mapping: { [LANG_UNSET]: undefined },
    table: {
      category: 'attributes',
      type: { summary: 'string' },
      defaultValue: { summary: 'the closest ancestor’s' },
    },
  };

  const data = new Set(dataProperties(declaration).map((member) => member.name));
  for (const member of declaration.members ?? []) {
    if (member.kind !== 'field') continue;
    const attribute = attributes.find((candidate) => (candidate.fieldName ?? candidate.name) === member.name);
    // The attribute's row covers a property of the same name.
    if (attribute?.name === member.name) continue;
    enhanced[member.name] = {
      name: member.name,
      description: attribute
        ? described(member.description, `The property of the \`${attribute.name}\` attribute.`)
        : described(member.description, member.readonly ? 'Read only.' : 'Set from JavaScript only.'),
      type: { name: 'other', value: member.type?.text ?? '' },
      control: data.has(member.name) ? { type: 'object' } : false,
      table: {
        category: 'properties',
        type: { summary: member.type?.text ?? '' },
        ...(member.default === undefined ? {} : { defaultValue: { summary: member.default } }),
      },
    };
  }

  const documentOnly = (category: string, key: string, item: ManifestNamed): void => {
    enhanced[`${key}:${item.name}`] = {
      name: item.name,
      description: item.description ?? '',
      control: false,
      table: { category },
    };
  };
  for (const event of declaration.events ?? []) {
    documentOnly('events', 'event', event);
    // Each event is logged in the Actions panel.
    const name = eventArgName(event.name);
    enhanced[name] = { name, action: event.name, table: { disable: true } };
  }
  for (const slot of declaration.slots ?? []) documentOnly('slots', 'slot', slot);
  for (const property of declaration.cssProperties ?? []) documentOnly('css custom properties', 'css', property);
  for (const part of declaration.cssParts ?? []) documentOnly('css shadow parts', 'part', part);
  return enhanced;
};
enhanceArgTypes.secondPass = true;

/**
 * Renders a widget story: the story's `component` tag with its args as attributes, data
 * properties and event listeners, and `parameters.portico.markup` inside it as the server
 * rendered it.
 */
export const renderWidget: Render = (args, { component, parameters }) => {
  if (typeof component !== 'string') throw new Error('A Portico story names its widget: `component: "portico-…"`.');
  const element = document.createElement(component);
  const declaration = declarationOf(component);
  const markup = (parameters.portico as PorticoParameters | undefined)?.markup;
  // Trusted: the markup is written in the stories, as a CMS template prints it.
  if (markup) element.innerHTML = markup;
  if (!declaration) return element;
  // Only when given (the control maps `unset` to no value): else the widget inherits the story
  // root's `lang` (the toolbar's locale).
  const lang: unknown = args.lang;
  if (typeof lang === 'string' && lang !== '') element.setAttribute('lang', lang);
  for (const attribute of declaration.attributes ?? []) {
    const value: unknown = args[attribute.name];
    if (value === undefined || value === null || value === '') continue;
    const { control, offValue } = controlFor(attribute);
    if (control === 'boolean') {
      if (value === true && !offValue) element.setAttribute(attribute.name, '');
      if (value === false && offValue) element.setAttribute(attribute.name, offValue);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      element.setAttribute(attribute.name, String(value));
    }
  }
  for (const member of dataProperties(declaration)) {
    const value: unknown = args[member.name];
    if (value !== undefined) Reflect.set(element, member.name, value);
  }
  for (const event of declaration.events ?? []) {
    const handler: unknown = args[eventArgName(event.name)];
    if (typeof handler === 'function') element.addEventListener(event.name, handler as EventListener);
  }
  return element;
};
