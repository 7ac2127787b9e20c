// The pane in the Office theme's colours (Office.context.officeTheme): light, dark or coloured Office themes.
// High-contrast mode needs no code: the CSS's forced-colors rules hand the colours to the system.

/** The four colours Office gives an add-in for its theme (Office.OfficeTheme). */
export interface PaneTheme {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** Relative luminance of `#RRGGBB`, 0 (black) to 1 (white); undefined for anything else. */
function luminance(colour: string | undefined): number | undefined {
  const match = HEX.exec(colour?.trim() ?? '');
  if (!match) return undefined;
  const channel = (i: number) => {
    const c = parseInt(match[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** `#RRGGBB` for a theme colour, which Office may give without the `#`. */
function hex(colour: string | undefined): string | undefined {
  const match = HEX.exec(colour?.trim() ?? '');
  return match ? `#${match[1]!.toLowerCase()}` : undefined;
}

/**
 * Sets the pane's colour variables (taskpane.css) from the theme, and `data-theme="dark"` when
 * its background is dark, so borders and muted text stay readable. No theme (outside Office, an
 * older build): the CSS's light defaults stay.
 */
export function applyPaneTheme(root: HTMLElement, theme: PaneTheme | undefined): void {
  if (!theme) return;
  const set = (name: string, colour: string | undefined) => {
    const value = hex(colour);
    if (value) root.style.setProperty(name, value);
  };
  set('--neutral-bg-3', theme.bodyBackgroundColor);
  set('--neutral-fg', theme.bodyForegroundColor);
  set('--neutral-fg-2', theme.bodyForegroundColor);
  set('--neutral-bg', theme.controlBackgroundColor);
  set('--neutral-bg-2', theme.controlBackgroundColor);
  set('--neutral-fg-3', theme.controlForegroundColor);
  const dark = (luminance(theme.bodyBackgroundColor) ?? 1) < 0.2;
  if (dark) root.setAttribute('data-theme', 'dark');
  else root.removeAttribute('data-theme');
}
