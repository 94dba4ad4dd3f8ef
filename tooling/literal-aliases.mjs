// Type aliases of literal values, written out. The analyser gives a type as the code writes it
// (`CategoryMenuOrientation`, `HeadingLevel | null | undefined`), and no manifest declares the
// alias, so a tool reading the manifest could not offer its values. This module writes such
// a type out (`'vertical' | 'horizontal'`, `1 | 2 | 3 | 4 | 5 | 6 | null | undefined`),
// finding each name as TypeScript would from the module that writes the type: declared there,
// or imported, through re-exports, from another module or package (`@portico/element`'s
// `HeadingLevel`, a type of `@portico/core`), whose `.d.ts` files are read where the package
// resolves. Any other type (an interface, `string`, a generic) is left as it is.
// Used by tooling/custom-elements-manifest.config.mjs for every widget package's manifest.

/**
 * @typedef {import('typescript').TypeNode} TypeNode
 * @typedef {{ type: TypeNode, file: string }} Alias a type alias's type, and the module that declares it
 */

/** A literal as manifests write it: `'vertical'`, `2`, `-1`. */
const LITERAL = /^(?:'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)$/;

/**
 * Writes out types for the modules of one analysis.
 * @param {typeof import('typescript')} ts the TypeScript the sources were parsed with
 */
export function literalTypes(ts) {
  /** @type {Map<string, import('typescript').SourceFile | undefined>} by absolute file name */
  const sourceFiles = new Map();
  /** @type {import('typescript').CompilerOptions} */
  const compilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowJs: true,
  };

  /** A module's AST: one already parsed (`add`), else read from disk. */
  function sourceFile(/** @type {string} */ fileName) {
    if (!sourceFiles.has(fileName)) {
      const text = ts.sys.readFile(fileName);
      sourceFiles.set(
        fileName,
        text === undefined ? undefined : ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true),
      );
    }
    return sourceFiles.get(fileName);
  }

  /** The file an import names, as TypeScript resolves it (a package's `types`, `./x.js` → `x.ts`). */
  function resolveModule(/** @type {string} */ specifier, /** @type {string} */ fromFile) {
    const { resolvedModule } = ts.resolveModuleName(
      specifier,
      fromFile,
      compilerOptions,
      ts.sys,
      undefined,
      undefined,
      ts.ModuleKind.ESNext,
    );
    if (!resolvedModule) {
      throw new Error(`'${specifier}', imported by ${fromFile}, does not resolve: is it built (its .d.ts files)?`);
    }
    return resolvedModule.resolvedFileName;
  }

  /** The text of a module specifier, when it is a string. */
  function specifierOf(/** @type {import('typescript').Expression | undefined} */ node) {
    return node && ts.isStringLiteral(node) ? node.text : undefined;
  }

  /**
   * What `name` stands for in a module's scope: the alias declared there or imported; `undefined`
   * for anything else (an interface, a class, a global, a name it does not know).
   * @param {string} file
   * @param {string} name
   * @param {Set<string>} seen `file#name` already followed: a cycle ends there
   * @returns {Alias | undefined}
   */
  function aliasInScope(file, name, seen) {
    const key = `${file}#${name}`;
    const source = sourceFile(file);
    if (!source || seen.has(key)) return undefined;
    seen.add(key);
    for (const statement of source.statements) {
      if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name) {
        return statement.typeParameters ? undefined : { type: statement.type, file };
      }
      if (ts.isImportDeclaration(statement)) {
        const bindings = statement.importClause?.namedBindings;
        const specifier = specifierOf(statement.moduleSpecifier);
        if (!bindings || !ts.isNamedImports(bindings) || specifier === undefined) continue;
        const binding = bindings.elements.find((element) => element.name.text === name);
        if (binding) {
          return exportedAlias(resolveModule(specifier, file), (binding.propertyName ?? binding.name).text, seen);
        }
      }
    }
    return undefined;
  }

  /**
   * The alias a module exports as `name`: declared and exported there, re-exported by name
   * (`export { type X } from './x.js'`, `export { X }`) or through `export *`.
   * @param {string} file
   * @param {string} name
   * @param {Set<string>} seen
   * @returns {Alias | undefined}
   */
  function exportedAlias(file, name, seen) {
    const key = `${file}#export ${name}`;
    const source = sourceFile(file);
    if (!source || seen.has(key)) return undefined;
    seen.add(key);
    /** @type {string[]} */
    const starred = [];
    for (const statement of source.statements) {
      if (
        ts.isTypeAliasDeclaration(statement) &&
        statement.name.text === name &&
        statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      ) {
        return statement.typeParameters ? undefined : { type: statement.type, file };
      }
      if (!ts.isExportDeclaration(statement)) continue;
      const specifier = specifierOf(statement.moduleSpecifier);
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier !== undefined) starred.push(specifier);
        continue;
      }
      if (!ts.isNamedExports(clause)) continue;
      const element = clause.elements.find((candidate) => candidate.name.text === name);
      if (!element) continue;
      const local = (element.propertyName ?? element.name).text;
      return specifier === undefined
        ? aliasInScope(file, local, seen)
        : exportedAlias(resolveModule(specifier, file), local, seen);
    }
    for (const specifier of starred) {
      const found = exportedAlias(resolveModule(specifier, file), name, seen);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The literals (and `null`, `undefined`) a type is the union of, as manifests write them;
   * `undefined` if it is anything else.
   * @param {TypeNode} node
   * @param {string} file the module whose names the type uses
   * @param {Set<string>} seen
   * @returns {string[] | undefined}
   */
  function literalsOf(node, file, seen) {
    if (ts.isParenthesizedTypeNode(node)) return literalsOf(node.type, file, seen);
    if (ts.isUnionTypeNode(node)) {
      /** @type {string[]} */
      const parts = [];
      for (const member of node.types) {
        const inner = literalsOf(member, file, seen);
        if (!inner) return undefined;
        parts.push(...inner);
      }
      return parts;
    }
    if (node.kind === ts.SyntaxKind.UndefinedKeyword) return ['undefined'];
    if (ts.isLiteralTypeNode(node)) {
      const { literal } = node;
      if (literal.kind === ts.SyntaxKind.NullKeyword) return ['null'];
      if (ts.isStringLiteral(literal)) {
        return [/['\\]/.test(literal.text) ? JSON.stringify(literal.text) : `'${literal.text}'`];
      }
      if (ts.isNumericLiteral(literal)) return [literal.text];
      if (
        ts.isPrefixUnaryExpression(literal) &&
        literal.operator === ts.SyntaxKind.MinusToken &&
        ts.isNumericLiteral(literal.operand)
      ) {
        return [`-${literal.operand.text}`];
      }
      return undefined; // `true`, `false`: a boolean, not an enumeration
    }
    if (ts.isTypeReferenceNode(node) && !node.typeArguments && ts.isIdentifier(node.typeName)) {
      // The names followed to get here, this one added: an alias that names itself ends here.
      const chain = new Set(seen);
      const alias = aliasInScope(file, node.typeName.text, chain);
      return alias && literalsOf(alias.type, alias.file, chain);
    }
    return undefined;
  }

  return {
    /**
     * A module the analyser has parsed: its AST is used rather than the file read again.
     * @param {import('typescript').SourceFile} source
     * @param {string} fileName its absolute file name
     */
    add: (source, fileName) => {
      sourceFiles.set(fileName, source);
    },

    /**
     * A type written with aliases of literal values, written out: `HeadingLevel | null` →
     * `1 | 2 | 3 | 4 | 5 | 6 | null`, each value once. `undefined` when the type is not a union
     * of literals (and `null`, `undefined`) with at least one literal.
     * @param {string} text the type as the manifest gives it
     * @param {string} file the absolute file name of the module that writes it
     * @returns {string | undefined}
     */
    expand: (text, file) => {
      const parsed = ts.createSourceFile('type.ts', `type T = ${text};`, ts.ScriptTarget.Latest, true);
      const [statement, ...rest] = parsed.statements;
      if (!statement || rest.length > 0 || !ts.isTypeAliasDeclaration(statement)) return undefined;
      if (statement.type.getText(parsed) !== text.trim()) return undefined;
      const values = literalsOf(statement.type, file, new Set());
      if (!values?.some((value) => LITERAL.test(value))) return undefined;
      return [...new Set(values)].join(' | ');
    },
  };
}
