// The script's entry, the only code Code.js holds outside its two packed parts: it binds the
// globals Code.js declares (see globals.ts) and runs nothing on load. onOpen is here whole, so
// opening the spreadsheet expands nothing; every other global expands its part (lazy.ts).
import { commands, functions } from './lazy.ts';

export { onOpen } from './on-open.ts';

type Functions = ReturnType<typeof functions>;
type Commands = ReturnType<typeof commands>;

export const RISKSCORE: Functions['RISKSCORE'] = (...args) => functions().RISKSCORE(...args);
export const RISKRATING: Functions['RISKRATING'] = (...args) => functions().RISKRATING(...args);
export const RISKTREND: Functions['RISKTREND'] = (...args) => functions().RISKTREND(...args);

export const onEdit: Commands['onEdit'] = (e) => commands().onEdit(e);
export const generateQuarterlyRegister: Commands['generateQuarterlyRegister'] = () =>
  commands().generateQuarterlyRegister();
export const validateRegister: Commands['validateRegister'] = () => commands().validateRegister();
export const setUpSheets: Commands['setUpSheets'] = () => commands().setUpSheets();
