/**
 * The published package's surface, read with the TypeScript compiler: its entry points (package.json
 * `exports`), what each exports, the .d.ts files a consumer's compiler reads, and the doc comments.
 * The API report (api/) and the API reference (docs/api.md) are rendered from it.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

export const API_REPORT_FILE = 'api/platform-constructs.api.md';
export const API_REFERENCE_FILE = 'docs/api.md';

export interface PublicExport {
  readonly name: string;
  readonly kind: 'class' | 'interface' | 'type' | 'function' | 'const';
  /** Present at runtime (`require()` returns it), not only in the .d.ts. */
  readonly runtime: boolean;
  /** The declaration the name resolves to. */
  readonly symbol: ts.Symbol;
}

export interface PublicEntry {
  /** What a tenant imports, e.g. `@atlas/platform-constructs/policy`. */
  readonly importPath: string;
  /** Source file, relative to the repository, e.g. `src/policy/index.ts`. */
  readonly source: string;
  readonly exports: readonly PublicExport[];
}

export interface PublicApi {
  readonly packageName: string;
  readonly version: string;
  readonly entries: readonly PublicEntry[];
  /** Every .d.ts the entry points reach (relative imports), by path in the package, comments removed. */
  readonly declarations: ReadonlyMap<string, string>;
  readonly checker: ts.TypeChecker;
}

interface Manifest {
  readonly name: string;
  readonly version: string;
}

// The same mapping the repository's loader uses (package name -> src/ entry point), so the
// surface read here is the one tenants import.
const { sourceEntryPoints } = require('../../scripts/package-source.js') as { sourceEntryPoints: (dir: string) => Record<string, string> };

function kindOf(symbol: ts.Symbol): PublicExport['kind'] {
  const { flags } = symbol;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  if (flags & ts.SymbolFlags.Variable) return 'const';
  throw new Error(`public export ${symbol.name} is neither a class, interface, type, function nor const. Fix: export one of those from the entry point`);
}

function isTypeOnlyExport(alias: ts.Symbol): boolean {
  return (alias.declarations ?? []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
}

function compilerOptions(root: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.build.json could not be read');
  return { ...parsed.options, noEmit: false, declaration: true, emitDeclarationOnly: true, sourceMap: false, inlineSources: false, declarationMap: false };
}

/** The .d.ts files reachable from the entry points' declarations through relative imports. */
function reachableDeclarations(emitted: ReadonlyMap<string, string>, starts: readonly string[]): Map<string, string> {
  const reached = new Map<string, string>();
  const queue = [...starts];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (reached.has(file)) continue;
    const text = emitted.get(file);
    if (text === undefined) throw new Error(`declaration ${file} was not emitted`);
    reached.set(file, text);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = path.join(path.dirname(file), fileName);
      const target = [`${base}.d.ts`, path.join(base, 'index.d.ts')].find((candidate) => emitted.has(candidate));
      if (!target) throw new Error(`${file} imports ${fileName}, which has no emitted declaration`);
      queue.push(target);
    }
  }
  return reached;
}

/** Reads the package's surface from src/ (no build needed). Takes a few seconds: a full type check. */
export function loadPublicApi(root: string): PublicApi {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const entryPoints = Object.entries(sourceEntryPoints(root));
  const options = compilerOptions(root);
  const program = ts.createProgram(
    entryPoints.map(([, source]) => source),
    options,
  );
  const problems = ts.getPreEmitDiagnostics(program);
  if (problems.length > 0) {
    throw new Error(`the package does not type-check:\n${ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' })}`);
  }
  const checker = program.getTypeChecker();
  const outDir = options.outDir!;
  const emitted = new Map<string, string>();
  program.emit(undefined, (file, text) => emitted.set(path.relative(outDir, file).split(path.sep).join('/'), text), undefined, true);

  const entries = entryPoints.map(([importPath, source]): PublicEntry => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(source)!)!;
    const moduleExports = checker.getExportsOfModule(module).map((alias): PublicExport => {
      const symbol = alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
      const kind = kindOf(symbol);
      return { name: alias.name, kind, runtime: !isTypeOnlyExport(alias) && (symbol.flags & ts.SymbolFlags.Value) !== 0, symbol };
    });
    return { importPath, source: path.relative(root, source).split(path.sep).join('/'), exports: moduleExports.sort((a, b) => a.name.localeCompare(b.name)) };
  });
  const starts = entries.map((e) => e.source.replace(/^src\//, '').replace(/\.ts$/, '.d.ts'));
  const printer = ts.createPrinter({ removeComments: true });
  const declarations = new Map(
    [...reachableDeclarations(emitted, starts)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, text]) => [`dist/${file}`, printer.printFile(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)).trimEnd()]),
  );
  return { packageName: manifest.name, version: manifest.version, entries, declarations, checker };
}
