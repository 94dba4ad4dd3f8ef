/// <reference types="node" />
// Writes src/generated/ from the custom-elements.json of every widget package this package
// depends on: the framework-neutral types of every tag, and Vue's `GlobalComponents` entries
// for them, so that vue-tsc checks each tag's props and events in templates. Turbo runs it
// once (the `generate` task) before the build, typecheck, lint and test; the output is ignored
// by git.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  elementsModule,
  GENERATED_HEADER,
  jsDoc,
  readWidgets,
  writeGenerated,
} from '../../../tooling/widget-manifests.mjs';

/** @typedef {import('../../../tooling/widget-manifests.mjs').Widget} Widget */

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every tag as a Vue component type, and Vue's `GlobalComponents` extended with them. */
function componentsModule(/** @type {Widget[]} */ widgets) {
  let code = GENERATED_HEADER;
  code += widgets.map((widget) => `import type { ${widget.className} } from '${widget.entry}';\n`).join('');
  code += `import type { VueCustomElement } from '../vue-custom-element.js';\n`;
  code += `import type { ${widgets
    .flatMap((widget) => [`${widget.className}EventMap`, `${widget.className}Properties`])
    .join(', ')} } from './elements.js';\n\n`;
  code += jsDoc(
    'Every Portico tag as vue-tsc sees it: its properties and the HTML attributes as props, its events as emits.',
  );
  code += 'export interface PorticoGlobalComponents {\n';
  for (const widget of widgets) {
    const name = widget.className;
    code += `  '${widget.tagName}': VueCustomElement<${name}, ${name}Properties, ${name}EventMap>;\n`;
  }
  code += '}\n\n';
  code += `declare module 'vue' {\n  interface GlobalComponents {\n`;
  for (const widget of widgets) {
    code += `    '${widget.tagName}': PorticoGlobalComponents['${widget.tagName}'];\n`;
  }
  code += '  }\n}\n';
  return code;
}

const widgets = readWidgets(packageRoot);
await writeGenerated(
  join(packageRoot, 'src', 'generated'),
  new Map([
    ['elements.ts', elementsModule(widgets)],
    ['components.ts', componentsModule(widgets)],
  ]),
);
