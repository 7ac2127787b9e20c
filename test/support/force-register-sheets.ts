/** The bundled example register (examples/force-register.ts) as the two data sheets a host opens. */
import type { SheetGrid } from '../../core/index.ts';
import { FORCE_REGISTER_EXAMPLE } from '../../examples/force-register.ts';

/** Risks and Assessments of the example register; the rows are copies, so a test may change them. */
export function forceRegisterSheets(): SheetGrid[] {
  return [
    { name: 'Risks', rows: FORCE_REGISTER_EXAMPLE.risks.map((row) => [...row]) },
    { name: 'Assessments', rows: FORCE_REGISTER_EXAMPLE.assessments.map((row) => [...row]) },
  ];
}
