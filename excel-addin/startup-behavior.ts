/// <reference types="office-js" />
// Whether the shared runtime starts when this workbook opens (Office.addin.setStartupBehavior, SharedRuntime 1.1).
// Without it the runtime starts on the first click, so cells pasted before then are not re-checked.

/** What the pane says where Excel has no such switch (older builds). */
export const STARTUP_UNSUPPORTED =
  'This version of Excel cannot start the add-in when the workbook opens: pasted cells are re-checked once the task pane or a Risk register button has been used.';

function startupApi(): Pick<typeof Office.addin, 'setStartupBehavior' | 'getStartupBehavior'> | undefined {
  if (typeof Office === 'undefined' || !Office.StartupBehavior) return undefined;
  const addin = Office.addin as Partial<typeof Office.addin> | undefined;
  return addin &&
    typeof addin.setStartupBehavior === 'function' &&
    typeof addin.getStartupBehavior === 'function'
    ? (addin as typeof Office.addin)
    : undefined;
}

/** Whether the add-in starts with this workbook; undefined where Excel cannot tell. */
export async function startsWithWorkbook(): Promise<boolean | undefined> {
  const api = startupApi();
  if (!api) return undefined;
  return (await api.getStartupBehavior()) === Office.StartupBehavior.load;
}

/** Makes the add-in start (or not) when this workbook opens; false where Excel has no such switch. */
export async function startWithWorkbook(on: boolean): Promise<boolean> {
  const api = startupApi();
  if (!api) return false;
  await api.setStartupBehavior(on ? Office.StartupBehavior.load : Office.StartupBehavior.none);
  return true;
}
