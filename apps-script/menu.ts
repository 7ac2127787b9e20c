// The Risk register menu: captions and the global each item calls.
export const MENU_TITLE = 'Risk register';

export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
  readonly description: string;
}

export const MENU_ITEMS: readonly MenuItem[] = [
  {
    caption: 'Generate quarterly register…',
    functionName: 'generateQuarterlyRegister',
    description:
      'writes the register, closed risks, movement, heat map, trend key and scoring guidance sheets.',
  },
  {
    caption: 'Validate register',
    functionName: 'validateRegister',
    description: 'lists every problem, by cell, on a "Validation issues" sheet; the data is not changed.',
  },
  {
    caption: 'Set up sheets',
    functionName: 'setUpSheets',
    description:
      'adds the Risks, Assessments and Scoring sheets that are missing, and their rules and formulas.',
  },
];
