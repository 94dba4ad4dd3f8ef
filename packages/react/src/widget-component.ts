import {
  createElement,
  forwardRef,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type ForwardRefExoticComponent,
  type ForwardedRef,
  type RefAttributes,
} from 'react';
import type { WidgetProps } from './props.js';

/** What a widget's component needs to know of it, from its custom-elements.json. */
export interface WidgetComponentOptions<Properties extends object, Handlers extends object> {
  tagName: string;
  displayName: string;
  /**
   * Every property a prop sets → the attribute that carries it in markup, or `null` for a
   * property that has none (objects: `stats`, `banners`, …).
   */
  properties: { readonly [Name in keyof Properties]-?: string | null };
  /**
   * Each property on by default whose attribute switches it off with a value rather than by
   * being left out (`live`, off with `live="off"`) → that value.
   */
  offValues?: { readonly [Name in keyof Properties]?: string };
  /** Every handler prop → the event it listens to. */
  events: { readonly [Name in keyof Handlers]-?: string };
}

/**
 * A prop's value as its attribute writes it: text for a string, number or bigint, an empty
 * attribute for `true`, none for `false` and anything that has no text (an object, a function).
 * A property on by default (`live`) writes its `off` value for `false` (or that value as
 * text), and no attribute otherwise: on, the widget's default.
 */
function attributeText(value: unknown, off: string | undefined): string | undefined {
  if (off) return value === false || value === off ? off : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return value === true ? '' : undefined;
}

// Effects never run in a server render, and React 18's server renderer warns about layout ones.
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** An event listener whose handler a later render can replace without removing it. */
interface ReplaceableListener {
  handleEvent: (event: Event) => void;
}

/** Each element's listener for each of its events. */
const listeners = new WeakMap<Element, Map<string, ReplaceableListener>>();

function listen(element: Element, event: string, handler: unknown): void {
  let byEvent = listeners.get(element);
  if (!byEvent) listeners.set(element, (byEvent = new Map<string, ReplaceableListener>()));
  const listener = byEvent.get(event);
  if (typeof handler === 'function') {
    const handleEvent = handler as (event: Event) => void;
    if (listener) {
      listener.handleEvent = handleEvent;
    } else {
      const added = { handleEvent };
      byEvent.set(event, added);
      element.addEventListener(event, added);
    }
  } else if (listener) {
    byEvent.delete(event);
    element.removeEventListener(event, listener);
  }
}

/**
 * A widget as a React component. A prop whose property has an attribute is written as that
 * attribute (`headingLevel={2}` → `heading-level="2"`), in the server's HTML and identically
 * in the client's first render, so the widget shows it before hydration and hydration finds
 * what the server wrote. After every render each prop is also set as its property, with its
 * own value (a bigint, an object), which is how a script's data takes precedence over `source`;
 * and each handler prop listens to its event. Other props reach the tag as React gives them.
 */
export function createWidgetComponent<Widget extends HTMLElement, Properties extends object, Handlers extends object>(
  options: WidgetComponentOptions<Properties, Handlers>,
): ForwardRefExoticComponent<WidgetProps<Widget, Properties, Handlers> & RefAttributes<Widget>> {
  const properties = new Map(Object.entries<string | null>(options.properties));
  const offValues = new Map(Object.entries<string | undefined>(options.offValues ?? {}));
  const events = new Map(Object.entries<string>(options.events));

  /**
   * Sets a prop's property on the element. One on by default (`live`) is set to whether it is
   * on, a boolean: unset means on, as no attribute does, not `undefined`, which the widget
   * would read as off. Its attribute follows (`live="off"` or none), since React 19 sets a
   * custom element's property of the attribute's name rather than the attribute, which would
   * leave the server's `live="off"` on a widget switched on after hydration.
   */
  function setProperty(element: HTMLElement, name: string, value: unknown): void {
    const off = offValues.get(name);
    if (off) {
      const attribute = properties.get(name) ?? name;
      const text = attributeText(value, off);
      if (text) element.setAttribute(attribute, text);
      else element.removeAttribute(attribute);
      value = !text;
    }
    (element as unknown as Record<string, unknown>)[name] = value;
  }

  const component = forwardRef((props: Record<string, unknown>, ref: ForwardedRef<HTMLElement>) => {
    const elementRef = useRef<HTMLElement | null>(null);
    /** The properties the last render set, to unset those a render no longer gives. */
    const propertiesSet = useRef(new Set<string>());
    const hostProps: Record<string, unknown> = {};
    const propertyValues = new Map<string, unknown>();
    const handlers = new Map<string, unknown>();
    for (const [name, value] of Object.entries(props)) {
      const event = events.get(name);
      if (event !== undefined) {
        handlers.set(event, value);
      } else if (properties.has(name)) {
        propertyValues.set(name, value);
        const attribute = properties.get(name);
        if (attribute) hostProps[attribute] = attributeText(value, offValues.get(name));
      } else {
        // React 18 writes `className` on a custom element as is; `class` works in 18 and 19.
        hostProps[name === 'className' ? 'class' : name] = value;
      }
    }
    // The widgets add attributes as they upgrade (reflected defaults, `mode="count"`), before
    // React hydrates them: React would report those as a mismatch unless told to expect them.
    // An app may still ask React to compare (`suppressHydrationWarning={false}`).
    hostProps.suppressHydrationWarning ??= true;

    useClientLayoutEffect(() => {
      const element = elementRef.current;
      if (!element) return;
      // Those the last render set and this one does not are unset.
      for (const name of new Set([...propertiesSet.current, ...propertyValues.keys()])) {
        setProperty(element, name, propertyValues.get(name));
      }
      propertiesSet.current = new Set(propertyValues.keys());
      for (const event of events.values()) listen(element, event, handlers.get(event));
    });

    hostProps.ref = useCallback(
      (element: HTMLElement | null) => {
        elementRef.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      },
      [ref],
    );
    return createElement(options.tagName, hostProps);
  });
  component.displayName = options.displayName;
  return component;
}
