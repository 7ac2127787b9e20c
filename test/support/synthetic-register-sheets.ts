/** The synthetic register (scripts/synthetic-register.ts) as the two data sheets a host opens. */
import type { SheetGrid } from '../../core/index.ts';
import { syntheticRegister } from '../../scripts/synthetic-register.ts';

/** Risks and Assessments of `riskCount` risks, each assessed in `quarterCount` quarters; made afresh on each call. */
export function syntheticRegisterSheets(riskCount: number, quarterCount: number): SheetGrid[] {
  const register = syntheticRegister(riskCount, quarterCount);
  return [
    { name: 'Risks', rows: register.risks },
    { name: 'Assessments', rows: register.assessments },
  ];
}
