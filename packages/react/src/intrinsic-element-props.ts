/**
 * What JSX gives a tag in React 19 and other JSX runtimes (Preact) that set a custom element's
 * properties and listen to `on<event>` props: its properties, the attributes whose name is no
 * property's (`heading-level`), and a handler per event (`onportico-error`). No React types, so
 * any JSX can extend its `IntrinsicElements` with it.
 */
export type IntrinsicElementProps<
  Properties extends object,
  Attributes extends object,
  Events extends object,
> = Properties &
  Attributes & {
    [Name in keyof Events & string as `on${Name}`]?: ((event: Events[Name]) => void) | undefined;
  };
