// A register with the fewest columns the reader needs: one risk, CRR1, and the Assessments rows
// a test gives — for tests about one assessment cell.
import type { CellValue } from '../../core/cells/cell.ts';
import { DEFAULT_MATRIX } from '../../core/matrix/default-matrix.ts';
import { APRIL_FISCAL_YEAR } from '../../core/quarters/quarter.ts';
import { readRegisterSheets } from '../../core/readers/read-register.ts';

/** Reads Risks (ID, Risk name: CRR1, Fire) and Assessments (Risk ID, Quarter, Impact, Probability) rows. */
export function readOneRiskRegister(assessmentRows: CellValue[][]): ReturnType<typeof readRegisterSheets> {
  return readRegisterSheets(
    {
      risks: {
        name: 'Risks',
        rows: [
          ['ID', 'Risk name'],
          ['CRR1', 'Fire'],
        ],
      },
      assessments: {
        name: 'Assessments',
        rows: [['Risk ID', 'Quarter', 'Impact', 'Probability'], ...assessmentRows],
      },
    },
    { matrix: DEFAULT_MATRIX, calendar: APRIL_FISCAL_YEAR },
  );
}
