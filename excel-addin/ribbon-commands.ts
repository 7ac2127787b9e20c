// The ribbon's ExecuteFunction names, as manifest.xml declares them and commands.ts associates them.
export const RIBBON_COMMANDS = {
  generate: 'generateRegister',
  validate: 'validateRegister',
  setUp: 'setUpWorkbook',
} as const;
