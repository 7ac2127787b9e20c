/** A Risk as the readers give one, for tests of what is built from risks: an open risk named `<id> name`. */
import type { Risk } from '../../core/readers/risk.ts';

export function typedRisk(id: string, extra: Partial<Risk> = {}): Risk {
  return {
    id,
    name: `${id} name`,
    description: '',
    impactNarrative: '',
    controls: '',
    owner: '',
    status: 'Open',
    closureRationale: '',
    row: 1,
    ...extra,
  };
}
