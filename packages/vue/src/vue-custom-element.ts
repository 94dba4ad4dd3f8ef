import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';

/**
 * A custom element as Vue's template type-checking (vue-tsc, Vue - Official) reads a
 * component: its properties and the HTML attributes as props, its events as emits. A type
 * only, as Vue's guide describes for custom elements not built with Vue.
 */
export type VueCustomElement<
  Element extends HTMLElement,
  Properties extends object,
  Events extends object,
> = new () => Element & {
  /** @deprecated For template type-checking only: no such property on the element. */
  $props: Omit<HTMLAttributes, keyof Properties> & Properties & PublicProps;
  /** @deprecated For template type-checking only: no such method on the element. */
  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
};
