/**
 * Assessment groups in headers (PRODUCT §8): a register may keep inherent, residual and target
 * assessments, either as qualified headers (`Inherent impact`, `Gross likelihood`) or as repeated
 * `Impact | Likelihood | Score` columns under a group row (`Inherent risk | Residual risk | Target risk`,
 * merged or not). This file says which words name a group and which name a level column.
 */
import { normaliseHeader } from '../cells/header-key.ts';

export type AssessmentGroup = 'inherent' | 'residual' | 'target';

/** The columns an assessment is made of, whatever its group. */
export type LevelBase = 'impact' | 'probability' | 'score' | 'rating';

export const ASSESSMENT_GROUPS: readonly AssessmentGroup[] = ['inherent', 'residual', 'target'];

/** The words that name each group, normalised; the first is the canonical one. */
export const GROUP_WORDS: Readonly<Record<AssessmentGroup, readonly string[]>> = {
  inherent: ['inherent', 'gross', 'premitigation', 'initial', 'precontrol', 'beforecontrols'],
  residual: ['residual', 'current', 'net', 'postmitigation', 'postcontrol', 'aftercontrols'],
  target: ['target'],
};

/** How the groups are named in messages. */
export const GROUP_NAMES_TEXT =
  '"Inherent risk" (or Gross, Pre-mitigation, Initial), "Residual risk" (or Current, Net, Post-mitigation) or "Target risk"';

/** What may follow a group word in a group row: `Inherent risk`, `Residual risk score`, `Target rating`. */
const GROUP_SUFFIXES = [
  '',
  'risk',
  'riskscore',
  'score',
  'rating',
  'riskrating',
  'assessment',
  'riskassessment',
  'position',
  'riskposition',
  'level',
  'risklevel',
  'scores',
];

/** The words of each level column, normalised; the first is the canonical one. */
export const BASE_WORDS: Readonly<Record<LevelBase, readonly string[]>> = {
  impact: ['impact', 'consequence', 'severity'],
  probability: ['probability', 'likelihood'],
  score: ['score', 'riskscore'],
  rating: ['rating', 'riskrating'],
};

const groupOfNormal = new Map<string, AssessmentGroup>(
  ASSESSMENT_GROUPS.flatMap((group) =>
    GROUP_WORDS[group].flatMap((word) =>
      GROUP_SUFFIXES.map((suffix): [string, AssessmentGroup] => [word + suffix, group]),
    ),
  ),
);

const baseOfNormal = new Map<string, LevelBase>(
  (Object.keys(BASE_WORDS) as LevelBase[]).flatMap((base) =>
    BASE_WORDS[base].map((word): [string, LevelBase] => [word, base]),
  ),
);

/**
 * The group a group-row cell names, if any.
 * @example groupOfHeader('Inherent risk') // 'inherent'
 * @example groupOfHeader('Current risk score') // 'residual'
 * @example groupOfHeader('Before the controls') // undefined
 */
export function groupOfHeader(text: string): AssessmentGroup | undefined {
  return groupOfNormal.get(normaliseHeader(text));
}

/**
 * The level column a header names when read under a group.
 * @example baseOfHeader('Likelihood') // 'probability'
 */
export function baseOfHeader(text: string): LevelBase | undefined {
  return baseOfNormal.get(normaliseHeader(text));
}

/**
 * Headers that name a group's level column outright: `Inherent impact`, `Gross likelihood`,
 * `Target risk score`, each group word before each word of the level.
 * @example qualifiedHeaders('target', 'probability') // ['target probability', 'target likelihood']
 */
export function qualifiedHeaders(group: AssessmentGroup, base: LevelBase): string[] {
  return GROUP_WORDS[group].flatMap((groupWord) =>
    BASE_WORDS[base].map((baseWord) => `${groupWord} ${baseWord}`),
  );
}
