// scripts/build-apps-script.mjs marks the core's modules free of side effects, so the Apps Script
// bundles leave out a module they use nothing of, constants and all. That holds only while no
// core module runs anything when loaded: its top level is imports, exports and declarations.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DECLARATIONS = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.VariableStatement,
]);

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('the core modules', () => {
  it('run nothing when loaded: their top level holds only imports, exports and declarations', () => {
    const statements = coreFiles('core').flatMap((file) => {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020);
      return source.statements
        .filter((statement) => !DECLARATIONS.has(statement.kind))
        .map((statement) => `${file}: ${statement.getText(source).slice(0, 60)}`);
    });
    expect(statements).toEqual([]);
  });
});
