/// <reference types="node" />
// Writes src/generated/ from the custom-elements.json of every widget package this package
// depends on: a React component per tag (its props picked from the element's class, each with
// the attribute that carries it, and for one on by default, such as `live`, the attribute value
// that switches it off; a handler prop per event), the framework-neutral types of
// every tag, and React's JSX types for them.
// Turbo runs it once (the `generate` task) before the build, typecheck, lint and test; the output
// is ignored by git.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  elementsModule,
  GENERATED_HEADER,
  jsDoc,
  lowerFirst,
  pascalCase,
  readWidgets,
  writeGenerated,
} from '../../../tooling/widget-manifests.mjs';

/** @typedef {import('../../../tooling/widget-manifests.mjs').Widget} Widget */

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(packageRoot, 'package.json'));

/**
 * Each property of a widget that is on by default and switched off by an attribute value
 * rather than by leaving the attribute out (`live`: `live="off"`) → that value. These are the
 * manifest's boolean attributes whose default is `true`; the value is the one the attribute's
 * description names (`` `live="off"` ``), as the widgets' JSDoc writes it. A boolean on by
 * default that names none cannot be switched off from markup, so the generator stops.
 * @param {Widget} widget
 * @returns {Map<string, string>}
 */
function offValues(widget) {
  const readJson = (/** @type {string} */ file) => JSON.parse(readFileSync(file, 'utf8'));
  const manifestPath = readJson(require.resolve(`${widget.packageName}/package.json`)).customElements;
  /** @type {{ modules: { declarations?: { tagName?: string, attributes?: { name: string, type?: { text?: string }, default?: string, description?: string }[] }[] }[] }} */
  const manifest = readJson(require.resolve(`${widget.packageName}/${manifestPath}`));
  const declaration = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((candidate) => candidate.tagName === widget.tagName);
  /** @type {Map<string, string>} */
  const values = new Map();
  for (const attribute of declaration?.attributes ?? []) {
    if (attribute.type?.text !== 'boolean' || attribute.default !== 'true') continue;
    const field = widget.fields.find((candidate) => candidate.attribute === attribute.name);
    if (!field) continue;
    const off = new RegExp(`\`${attribute.name}="([^"\`]+)"\``).exec(attribute.description ?? '')?.[1];
    if (!off) {
      throw new Error(
        `<${widget.tagName}>: the ${attribute.name} attribute is on by default, but its description names no value that switches it off (\`${attribute.name}="off"\`).`,
      );
    }
    values.set(field.name, off);
  }
  return values;
}

/** The module of one widget's component, named after its tag: `view-counter.ts`. */
function moduleName(/** @type {Widget} */ widget) {
  return `${widget.tagName.replace(/^portico-/, '')}.ts`;
}

/** One widget's React component, with its props and handler types. */
function componentModule(/** @type {Widget} */ widget) {
  const name = widget.className;
  let code = GENERATED_HEADER;
  code += `import '${widget.entry}'; // registers the tag\n`;
  code += `import type { ${name} as ${name}Element } from '${widget.entry}';\n`;
  code += `import type { ForwardRefExoticComponent, RefAttributes } from 'react';\n`;
  code += `import type { WidgetProps } from '../props.js';\n`;
  code += `import { createWidgetComponent } from '../widget-component.js';\n`;
  code += `import type { ${name}EventMap, ${name}Properties } from './elements.js';\n\n`;
  code += jsDoc(`The event handler props of \`${name}\`: each receives the widget's event as is.`);
  code += `export interface ${name}Handlers {\n`;
  for (const event of widget.events) {
    if (event.description) code += jsDoc(`\`${event.name}\`: ${event.description}`, '  ');
    code += `  on${pascalCase(event.name)}?: ((event: ${name}EventMap['${event.name}']) => void) | undefined;\n`;
  }
  code += '}\n\n';
  code += jsDoc(`The props of \`${name}\`: the element's properties, its event handlers, and React's HTML attributes.`);
  code += `export type ${name}Props = WidgetProps<${name}Element, ${name}Properties, ${name}Handlers>;\n\n`;
  code += jsDoc(
    `\`<${widget.tagName}>\` as a React component${widget.summary ? `: ${lowerFirst(widget.summary).replace(/\.$/, '')}` : ''}.\n` +
      `Importing it registers the tag. A prop whose property has an attribute is written as that attribute too, so the server's HTML has it;\n` +
      `after mount every prop sets its property, and the \`${name}Handlers\` listen to its events.`,
  );
  code += `export const ${name}: ForwardRefExoticComponent<${name}Props & RefAttributes<${name}Element>> =\n`;
  code += `  /*#__PURE__*/ createWidgetComponent<${name}Element, ${name}Properties, ${name}Handlers>({\n`;
  code += `    tagName: '${widget.tagName}',\n    displayName: '${name}',\n    properties: {\n`;
  // The manifest's attribute for each property, or null: set on the client only.
  for (const field of widget.fields) {
    code += `      ${field.name}: ${field.attribute ? `'${field.attribute}'` : 'null'},\n`;
  }
  const off = offValues(widget);
  if (off.size > 0) {
    code += '    },\n    offValues: {\n';
    for (const [name, value] of off) code += `      ${name}: '${value}',\n`;
  }
  code += '    },\n    events: {\n';
  for (const event of widget.events) code += `      on${pascalCase(event.name)}: '${event.name}',\n`;
  code += '    },\n  });\n';
  return code;
}

/** The components, one module each, so that bundlers drop (and do not register) the unused ones. */
function indexModule(/** @type {Widget[]} */ widgets) {
  return (
    GENERATED_HEADER +
    widgets.map((widget) => `export * from './${moduleName(widget).replace(/\.ts$/, '.js')}';\n`).join('') +
    `export * from './elements.js';\n`
  );
}

/**
 * JSX: every tag → its properties, the attributes whose name is no property's, and an
 * `on<event>` handler per event, framework-neutral; and that as React's intrinsic elements.
 */
function jsxModule(/** @type {Widget[]} */ widgets) {
  let code = GENERATED_HEADER;
  code += widgets.map((widget) => `import type { ${widget.className} } from '${widget.entry}';\n`).join('');
  code += `import type * as React from 'react';\n`;
  code += `import type { IntrinsicElementProps } from '../intrinsic-element-props.js';\n`;
  const renamedAttributes = (/** @type {Widget} */ widget) =>
    widget.fields.filter((field) => field.attribute && field.attribute !== field.name);
  const used = widgets.flatMap((widget) =>
    (renamedAttributes(widget).length ? ['Attributes', 'EventMap', 'Properties'] : ['EventMap', 'Properties']).map(
      (suffix) => `${widget.className}${suffix}`,
    ),
  );
  code += `import type { ${used.join(', ')} } from './elements.js';\n\n`;
  code += `export * from './elements.js';\n\n`;
  code += jsDoc(
    'Every Portico tag \u2192 what JSX gives it: its properties, the attributes whose name is no property\u2019s, and `on<event>` handlers.',
  );
  code += 'export interface PorticoIntrinsicElements {\n';
  for (const widget of widgets) {
    const name = widget.className;
    const renamed = renamedAttributes(widget);
    const attributes = renamed.length
      ? `Pick<${name}Attributes, ${renamed.map((field) => `'${field.attribute}'`).join(' | ')}>`
      : 'object';
    code += `  '${widget.tagName}': IntrinsicElementProps<${name}Properties, ${attributes}, ${name}EventMap>;\n`;
  }
  code += '}\n\n';
  code += `declare module 'react' {\n  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares its JSX types in a namespace.\n  namespace JSX {\n    interface IntrinsicElements {\n`;
  for (const widget of widgets) {
    const props = `PorticoIntrinsicElements['${widget.tagName}']`;
    code += `      '${widget.tagName}': React.ClassAttributes<${widget.className}> & Omit<React.HTMLAttributes<${widget.className}>, keyof ${props}> & ${props};\n`;
  }
  code += '    }\n  }\n}\n';
  return code;
}

const widgets = readWidgets(packageRoot);
await writeGenerated(
  join(packageRoot, 'src', 'generated'),
  new Map([
    ['elements.ts', elementsModule(widgets)],
    ['index.ts', indexModule(widgets)],
    ['jsx.ts', jsxModule(widgets)],
    ...widgets.map((widget) => /** @type {[string, string]} */ ([moduleName(widget), componentModule(widget)])),
  ]),
);
