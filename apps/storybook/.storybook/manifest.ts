/**
 * The five widget packages' custom-elements.json (written by each package's build), merged
 * into one manifest for the Docs pages and the controls. Only what an integrator can use is
 * kept: private and protected members and static fields are dropped, the default slot gets
 * a name Storybook shows, and the shared `--portico-*` tokens every widget reads are listed
 * with each widget's own custom properties.
 */
import articleCard from '@portico/article-card/custom-elements.json' with { type: 'json' };
import categoryMenu from '@portico/category-menu/custom-elements.json' with { type: 'json' };
import onlineVisitors from '@portico/online-visitors/custom-elements.json' with { type: 'json' };
import sidebarBanners from '@portico/sidebar-banners/custom-elements.json' with { type: 'json' };
import viewCounter from '@portico/view-counter/custom-elements.json' with { type: 'json' };

// The parts of the custom elements manifest schema (schemaVersion 1.0.0) read here.
export interface ManifestType {
  text: string;
}
export interface ManifestAttribute {
  name: string;
  fieldName?: string;
  description?: string;
  type?: ManifestType;
  default?: string;
}
export interface ManifestMember {
  kind: string;
  name: string;
  description?: string;
  type?: ManifestType;
  default?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
}
export interface ManifestNamed {
  name: string;
  description?: string;
}
export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestNamed[];
  slots?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  cssProperties?: ManifestNamed[];
}
export interface ManifestModule {
  kind: string;
  path: string;
  declarations?: ManifestDeclaration[];
  exports?: unknown[];
}
export interface Manifest {
  schemaVersion: string;
  modules: ManifestModule[];
}

/** The shared theming tokens (packages/element/README.md), read by every widget. */
export const SHARED_TOKENS: readonly ManifestNamed[] = [
  ['--portico-color-text', 'Text colour (default light-dark(#1b1f24, #e8eaed)).'],
  ['--portico-color-muted', 'Secondary text (default light-dark(#555d66, #a4adb6)).'],
  ['--portico-color-accent', 'Links and accents (default light-dark(#0a58a8, #8cc2ff)).'],
  ['--portico-color-surface', 'Background of boxes (default light-dark(#ffffff, #16191d)).'],
  ['--portico-color-border', 'Borders (default light-dark(#d0d7de, #3d444d)).'],
  ['--portico-color-warning', 'Warnings, such as the out-of-date note (default light-dark(#8a4b00, #f2b45a)).'],
  ['--portico-radius', 'Corner radius (default 0.25rem).'],
  ['--portico-space', 'Padding and spacing unit (default 0.75rem).'],
  ['--portico-font-family', 'Font family (default: inherited from the page).'],
].map(([name = '', description = '']) => ({ name, description: `Shared token. ${description}` }));

const DEFAULT_SLOT_NAME = '(default)';

function publicDeclaration(declaration: ManifestDeclaration): ManifestDeclaration {
  if (!declaration.customElement) return declaration;
  const own = new Set((declaration.cssProperties ?? []).map((property) => property.name));
  return {
    ...declaration,
    members: (declaration.members ?? []).filter(
      (member) => !member.static && (member.privacy ?? 'public') === 'public',
    ),
    slots: (declaration.slots ?? []).map((slot) => (slot.name ? slot : { ...slot, name: DEFAULT_SLOT_NAME })),
    cssProperties: [...(declaration.cssProperties ?? []), ...SHARED_TOKENS.filter((token) => !own.has(token.name))],
  };
}

const packages = [onlineVisitors, viewCounter, categoryMenu, articleCard, sidebarBanners] as Manifest[];

/** One manifest holding the five widget packages' modules, for `setCustomElementsManifest`. */
export const manifest: Manifest = {
  schemaVersion: '1.0.0',
  modules: packages.flatMap((manifestOfPackage) =>
    manifestOfPackage.modules.map((module) => ({
      ...module,
      declarations: (module.declarations ?? []).map(publicDeclaration),
    })),
  ),
};

/** The custom element declared for `tagName`, if the manifest has it. */
export function declarationOf(tagName: string): ManifestDeclaration | undefined {
  for (const module of manifest.modules) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tagName);
    if (found) return found;
  }
  return undefined;
}

/** Every tag the manifest declares. */
export function declaredTags(): string[] {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : [])),
  );
}
