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

type ImpactCategory = (typeof DEFAULT_IMPACT_CATEGORIES)[number];

function impactLevel(
  value: number,
  label: string,
  description: string,
  categories: Record<ImpactCategory, string>,
): MatrixLevel {
  return { value, label, description, categories };
}

// The guidance gives no level names for impact, only descriptors; the labels and one-line
// summaries are ours, drawn from those descriptors.
const IMPACT: readonly MatrixLevel[] = [
  impactLevel(1, 'Minimal', 'Easily managed, of little concern to the public; costs below £100k', {
    Service: 'Impact is easily manageable or is of little concern to public',
    Performance:
      'Short Term impact on performance but not to the extent where the achievement of key force performance objectives are impacted',
    Finance: 'Costs of below £100k',
    Reputation: 'Manageable customer dissatisfaction',
    Legal: 'Unlikely to lead to a claim',
    Safety: 'Unlikely to have any safety implications',
    'Human Rights / Diversity': 'No impact on diversity / human rights',
    Wellbeing:
      'Negligible impact on officer/staff wellbeing and unlikely to require referral to support services.',
  }),
  impactLevel(2, 'Minor', 'Slight impact on service delivery; costs of £100k to £500k', {
    Service: 'Slight impact on service delivery',
    Performance:
      'Impact on performance resulting in small impact on key Force performance objectives but which can be managed',
    Finance: 'Costs of between £100k and £500k',
    Reputation: 'Short term customer dissatisfaction',
    Legal: 'Claims, minor complaints Within insurance cover',
    Safety: 'Minor or slight injury',
    'Human Rights / Diversity': 'Impact of interference is manageable with existing resources',
    Wellbeing: 'May impact officer/staff wellbeing and could require referral to support services.',
  }),
  impactLevel(
    3,
    'Moderate',
    'Non-critical service affected or short term disruption; costs of £500k to £1m',
    {
      Service: 'Impact on non-critical service or short term disruption',
      Performance:
        'Impact on performance resulting in potential difficulties in achieving key Force performance objectives but where corrective action can still be taken',
      Finance: 'Costs of between £500k and £1m',
      Reputation: 'Some local adverse publicity',
      Legal: 'Significant Litigation /claims against the Force. Within insurance cover',
      Safety: 'Major injury',
      'Human Rights / Diversity': 'Some limited unjustified impact or interference',
      Wellbeing: 'Likely to impact officer/staff wellbeing and require referral to support services.',
    },
  ),
  impactLevel(4, 'Major', 'Serious impact on key services, noticed by the public; costs of £1m to £2m', {
    Service: 'Serious impact on key services with a noticeable impact for the public',
    Performance: 'Large impact on performance resulting in not achieving a key Force performance objectives',
    Finance: 'Costs of between £1m and £2m',
    Reputation: 'Sustained adverse local media coverage',
    Legal: 'Serious Claims/fines against the Force.',
    Safety: 'Single Fatality or severe injury to several people',
    'Human Rights / Diversity': 'Serious unjustified impacts or interference',
    Wellbeing:
      'Likely to have a serious impact on officer/staff wellbeing and will require coordinated response and referral to support services.',
  }),
  impactLevel(5, 'Severe', 'Widespread, sustained disruption of critical services; costs over £2m', {
    Service:
      'Major impact on a critical service area or multiple service areas with widespread and sustained disruption',
    Performance:
      'Significant impact on performance resulting in not achieving more than one of the key Force performance objectives',
    Finance: 'Costs over £2m',
    Reputation:
      'Sustained national media coverage over sustained period / Removal of Command Team member / External inquiry',
    Legal: 'Prosecution. Major Claims/fines against the Force.',
    Safety: 'Multiple fatalities or multiple permanent injuries',
    'Human Rights / Diversity': 'Major unjustified impacts or interference',
    Wellbeing:
      'Very likely to have a significant impact on officer/staff wellbeing and will require coordinated response and referral to support services.',
  }),
];

// "Relative Frequency" spans two columns in the guidance: how likely in words, then how often.
// Both are kept, joined by a dash. The PDF cuts level 1's "occurrence" short ("more occur").
const PROBABILITY: readonly MatrixLevel[] = [
  {
    value: 1,
    label: 'Remote',
    description: 'No indications at this point that the risk will happen',
    chance: '0% - 5%',
    frequency: 'Extremely Unlikely — Once every 10 years or more',
  },
  {
    value: 2,
    label: 'Unlikely',
    description: 'Limited indications at this point that the risk will happen',
    chance: '5% - 20%',
    frequency: 'Unlikely to happen but possible — Once every 5 to 10 years occurrence',
  },
  {
    value: 3,
    label: 'Some likelihood',
    description: 'Some indications that the risk will happen',
    chance: '20% - 50%',
    frequency: 'More likely not to happen than to happen — Once every 2 to 5 years occurrence',
  },
  {
    value: 4,
    label: 'Likely',
    description:
      'Has previously occurred within the Force / Area / Department or there are indications that the risk will happen',
    chance: '50% - 80%',
    frequency: 'More likely to happen than not to happen — Once every 1 to 2 years occurrence',
  },
  {
    value: 5,
    label: 'Very likely',
    description:
      'Has regularly occurred within the Force / Area / Department or there are strong indications that the risk will happen',
    chance: '80% or more',
    frequency: 'As certain as we can be that it will happen — More than once a year',
  },
];

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
