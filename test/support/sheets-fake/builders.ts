// SpreadsheetApp's data-validation and conditional-format builders, and the rules they build.
import type { FakeRange } from './fake-range.ts';

export type ValidationCriteria = 'VALUE_IN_LIST' | 'CUSTOM_FORMULA' | 'DATE_IS_VALID_DATE' | 'NUMBER_BETWEEN';

export class FakeDataValidation {
  constructor(
    readonly criteria: ValidationCriteria,
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): ValidationCriteria {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
}

export class FakeDataValidationBuilder {
  private criteria: ValidationCriteria | undefined;
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';

  private require(criteria: ValidationCriteria, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
      throw new Error('fake: requireValueInList takes an array of strings');
    }
    return this.require('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireFormulaSatisfied(formula: string): this {
    if (typeof formula !== 'string' || !formula.startsWith('=')) {
      throw new Error(
        `fake: requireFormulaSatisfied needs a formula starting with "=": ${JSON.stringify(formula)}`,
      );
    }
    return this.require('CUSTOM_FORMULA', [formula]);
  }
  requireDate(): this {
    return this.require('DATE_IS_VALID_DATE', []);
  }
  requireNumberBetween(start: number, end: number): this {
    if (typeof start !== 'number' || typeof end !== 'number')
      throw new Error('fake: requireNumberBetween takes numbers');
    return this.require('NUMBER_BETWEEN', [start, end]);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.allowInvalid = allowInvalid;
    return this;
  }
  setHelpText(helpText: string): this {
    if (typeof helpText !== 'string') throw new Error('fake: setHelpText takes a string');
    this.helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    if (!this.criteria) throw new Error('fake: a data validation needs a criterion before build()');
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

export class FakeBooleanCondition {
  constructor(
    readonly formula: string,
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly bold: boolean | null,
    readonly italic: boolean | null,
  ) {}
  getCriteriaType(): string {
    return 'CUSTOM_FORMULA';
  }
  getCriteriaValues(): unknown[] {
    return [this.formula];
  }
  getBackground(): string | null {
    return this.background;
  }
  getFontColor(): string | null {
    return this.fontColor;
  }
  getBold(): boolean | null {
    return this.bold;
  }
  getItalic(): boolean | null {
    return this.italic;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly ranges: readonly FakeRange[],
    readonly condition: FakeBooleanCondition,
  ) {}
  getBooleanCondition(): FakeBooleanCondition {
    return this.condition;
  }
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

export class FakeConditionalFormatRuleBuilder {
  private formula: string | undefined;
  private background: string | null = null;
  private fontColor: string | null = null;
  private bold: boolean | null = null;
  private italic: boolean | null = null;
  private ranges: FakeRange[] = [];

  whenFormulaSatisfied(formula: string): this {
    if (typeof formula !== 'string' || !formula.startsWith('=')) {
      throw new Error(
        `fake: whenFormulaSatisfied needs a formula starting with "=": ${JSON.stringify(formula)}`,
      );
    }
    this.formula = formula;
    return this;
  }
  setBackground(color: string | null): this {
    if (color !== null && !COLOUR.test(color)) throw new Error(`fake: ${color} is not #RRGGBB`);
    this.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    if (color !== null && !COLOUR.test(color)) throw new Error(`fake: ${color} is not #RRGGBB`);
    this.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.italic = italic;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    if (!Array.isArray(ranges) || ranges.length === 0)
      throw new Error('fake: setRanges takes at least one range');
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (!this.formula) throw new Error('fake: a conditional format rule needs a condition before build()');
    if (this.ranges.length === 0)
      throw new Error('fake: a conditional format rule needs ranges before build()');
    return new FakeConditionalFormatRule(
      this.ranges,
      new FakeBooleanCondition(this.formula, this.background, this.fontColor, this.bold, this.italic),
    );
  }
}
