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

const DEFAULT_SLOT_NAME = '(default)';

function publicDeclaration(declaration: ManifestDeclaration): ManifestDeclaration {
  if (!declaration.customElement) return declaration;
  return {
    ...declaration,
    members: (declaration.members ?? []).filter(
      (member) => !member.static && (member.privacy ?? 'public') === 'public',
    ),
    slots: (declaration.slots ?? []).map((slot) => (slot.name ? slot : { ...slot, name: DEFAULT_SLOT_NAME })),
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
