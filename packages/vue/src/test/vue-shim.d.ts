// For tsc, which does not read .vue files (vue-tsc does, and checks them in full).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
