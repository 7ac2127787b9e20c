// Page header and footer text as Excel's header codes take it.

/**
 * Plain text for a page header or footer: `&` starts a header code, so it is doubled.
 * @example pageHeaderText('Risks & issues') // 'Risks && issues'
 */
export function pageHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}
