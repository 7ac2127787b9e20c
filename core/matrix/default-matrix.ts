/**
 * The default matrix: the force's "Risk scoring guidance" (reference register, Sept 2022),
 * transcribed word for word. Used whenever a workbook has no Scoring sheet and no `--matrix`.
 */
import { matrixFromSpec } from './check-matrix.ts';
import type { MatrixLevel, MatrixSpec, RiskMatrix } from './matrix.ts';

/** The guidance's impact categories, in its column order. */
export const DEFAULT_IMPACT_CATEGORIES = [
  'Service',
  'Performance',
  'Finance',
  'Reputation',
  'Legal',
  'Safety',
  'Human Rights / Diversity',
  'Wellbeing',
] as const;

/**
 * Levels stored as one string each, its texts joined by "|": label, description, then the rest
 * that `more` turns into fields. Stored so, the text is written once and the keys not at all —
 * every Sheets custom-function call compiles this module. test/core/matrix/default-matrix-spec.json holds
 * the spec written out in full, which the tests compare the expansion with.
 */
function levels(rows: readonly string[], more: (rest: string[]) => Partial<MatrixLevel>): MatrixLevel[] {
  return rows.map((row, index) => {
    const [label = '', description = '', ...rest] = row.split('|');
    return { value: index + 1, label, description, ...more(rest) };
  });
}

// The guidance gives no level names for impact, only descriptors; the labels and one-line
// summaries (the first two texts of each level) are ours, drawn from those descriptors.
const IMPACT = levels(
  [
    'Minimal|Easily managed, of little concern to the public; costs below £100k' +
      '|Impact is easily manageable or is of little concern to public' +
      '|Short Term impact on performance but not to the extent where the achievement of key force performance objectives are impacted' +
      '|Costs of below £100k' +
      '|Manageable customer dissatisfaction' +
      '|Unlikely to lead to a claim' +
      '|Unlikely to have any safety implications' +
      '|No impact on diversity / human rights' +
      '|Negligible impact on officer/staff wellbeing and unlikely to require referral to support services.',
    'Minor|Slight impact on service delivery; costs of £100k to £500k' +
      '|Slight impact on service delivery' +
      '|Impact on performance resulting in small impact on key Force performance objectives but which can be managed' +
      '|Costs of between £100k and £500k' +
      '|Short term customer dissatisfaction' +
      '|Claims, minor complaints Within insurance cover' +
      '|Minor or slight injury' +
      '|Impact of interference is manageable with existing resources' +
      '|May impact officer/staff wellbeing and could require referral to support services.',
    'Moderate|Non-critical service affected or short term disruption; costs of £500k to £1m' +
      '|Impact on non-critical service or short term disruption' +
      '|Impact on performance resulting in potential difficulties in achieving key Force performance objectives but where corrective action can still be taken' +
      '|Costs of between £500k and £1m' +
      '|Some local adverse publicity' +
      '|Significant Litigation /claims against the Force. Within insurance cover' +
      '|Major injury' +
      '|Some limited unjustified impact or interference' +
      '|Likely to impact officer/staff wellbeing and require referral to support services.',
    'Major|Serious impact on key services, noticed by the public; costs of £1m to £2m' +
      '|Serious impact on key services with a noticeable impact for the public' +
      '|Large impact on performance resulting in not achieving a key Force performance objectives' +
      '|Costs of between £1m and £2m' +
      '|Sustained adverse local media coverage' +
      '|Serious Claims/fines against the Force.' +
      '|Single Fatality or severe injury to several people' +
      '|Serious unjustified impacts or interference' +
      '|Likely to have a serious impact on officer/staff wellbeing and will require coordinated response and referral to support services.',
    'Severe|Widespread, sustained disruption of critical services; costs over £2m' +
      '|Major impact on a critical service area or multiple service areas with widespread and sustained disruption' +
      '|Significant impact on performance resulting in not achieving more than one of the key Force performance objectives' +
      '|Costs over £2m' +
      '|Sustained national media coverage over sustained period / Removal of Command Team member / External inquiry' +
      '|Prosecution. Major Claims/fines against the Force.' +
      '|Multiple fatalities or multiple permanent injuries' +
      '|Major unjustified impacts or interference' +
      '|Very likely to have a significant impact on officer/staff wellbeing and will require coordinated response and referral to support services.',
  ],
  (descriptors) => ({
    categories: Object.fromEntries(DEFAULT_IMPACT_CATEGORIES.map((c, i) => [c, descriptors[i]!])),
  }),
);

// "Relative Frequency" spans two columns in the guidance: how likely in words, then how often.
// Both are kept, joined by a dash. The PDF cuts level 1's "occurrence" short ("more occur").
const PROBABILITY = levels(
  [
    'Remote|No indications at this point that the risk will happen|0% - 5%' +
      '|Extremely Unlikely — Once every 10 years or more',
    'Unlikely|Limited indications at this point that the risk will happen|5% - 20%' +
      '|Unlikely to happen but possible — Once every 5 to 10 years occurrence',
    'Some likelihood|Some indications that the risk will happen|20% - 50%' +
      '|More likely not to happen than to happen — Once every 2 to 5 years occurrence',
    'Likely|Has previously occurred within the Force / Area / Department or there are indications that the risk will happen|50% - 80%' +
      '|More likely to happen than not to happen — Once every 1 to 2 years occurrence',
    'Very likely|Has regularly occurred within the Force / Area / Department or there are strong indications that the risk will happen|80% or more' +
      '|As certain as we can be that it will happen — More than once a year',
  ],
  ([chance, frequency]) => ({ chance: chance!, frequency: frequency! }),
);

/** The force's matrix in its JSON form (PRODUCT §3). */
export const DEFAULT_MATRIX_SPEC: MatrixSpec = {
  name: 'Force risk matrix',
  impact: IMPACT,
  probability: PROBABILITY,
  ratings: [
    { name: 'Low', colour: '#92D050' },
    { name: 'Medium', colour: '#FFC000' },
    { name: 'High', colour: '#ED7D31' },
    { name: 'Critical', colour: '#C00000', fontColour: '#FFFFFF' },
  ],
  // "Risk Scores" table. The gaps (11, 13-14, 17-19, 21-24) are not products of 1..5.
  bands: [
    { rating: 'Low', min: 1, max: 4 },
    { rating: 'Medium', min: 5, max: 10 },
    { rating: 'High', min: 12, max: 16 },
    { rating: 'Critical', min: 20, max: 25 },
  ],
};

/** The default matrix, checked once. */
export const DEFAULT_MATRIX: RiskMatrix = matrixFromSpec(DEFAULT_MATRIX_SPEC);
