// scripts/build-apps-script.mjs marks the core's modules free of side effects, so the Apps Script
// bundles leave out a module they use nothing of, constants and all. That holds only while no
// core module runs anything when loaded: its top level is imports, exports and declarations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { coreFiles } from '../support/core-files.ts';

const DECLARATIONS = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.VariableStatement,
]);

const root = path.join(import.meta.dirname, '..', '..');

describe('the core modules', () => {
  it('run nothing when loaded: their top level holds only imports, exports and declarations', () => {
    const files = coreFiles();
    expect(files.length).toBeGreaterThan(20);
    const statements = files.flatMap((file) => {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020);
      return source.statements
        .filter((statement) => !DECLARATIONS.has(statement.kind))
        .map((statement) => `${path.relative(root, file)}: ${statement.getText(source).slice(0, 60)}`);
    });
    expect(statements).toEqual([]);
  });
});
