// The spreadsheet Ui: custom menus, alerts, and prompts answered from a script the test sets.
export const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', CLOSE: 'CLOSE', YES: 'YES', NO: 'NO' } as const;
export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

/** The caption the fake records for an add-on menu (Sheets shows the add-on's name). */
export const ADDON_MENU = '(add-on menu)';

export interface MenuRecord {
  readonly caption: string;
  readonly items: ({ readonly caption: string; readonly functionName: string } | 'separator')[];
}

export interface PromptAnswer {
  readonly text: string;
  readonly button: keyof typeof BUTTON;
}

export class FakeMenu {
  private readonly record: { caption: string; items: MenuRecord['items'] };
  constructor(
    private readonly ui: FakeUi,
    caption: string,
  ) {
    this.record = { caption, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string')
      throw new Error('fake: addItem(caption, functionName)');
    this.record.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.record.items.push('separator');
    return this;
  }
  addToUi(): void {
    this.ui.menus.push(this.record);
  }
}

export class FakeUi {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  readonly menus: MenuRecord[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly prompts: { title: string; prompt: string }[] = [];
  /** Answers for the next prompts, in order; a prompt with none left fails the test. */
  readonly answers: PromptAnswer[] = [];

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this, caption);
  }
  /** An Editor add-on's submenu of Extensions, named by Sheets after the add-on. */
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, ADDON_MENU);
  }
  alert(titleOrPrompt: string, prompt?: unknown, buttons?: unknown): string {
    const titled = typeof prompt === 'string';
    if (titled && !(buttons && Object.values(BUTTON_SET).includes(buttons as never))) {
      throw new Error('fake: alert(title, prompt, buttons) needs a ButtonSet');
    }
    this.alerts.push({ title: titled ? titleOrPrompt : '', prompt: titled ? prompt : titleOrPrompt });
    return BUTTON.OK;
  }
  prompt(
    title: string,
    prompt: string,
    buttons: unknown,
  ): { getResponseText(): string; getSelectedButton(): string } {
    if (!Object.values(BUTTON_SET).includes(buttons as never))
      throw new Error('fake: prompt needs a ButtonSet');
    this.prompts.push({ title, prompt });
    const answer = this.answers.shift();
    if (!answer) throw new Error(`fake: no scripted answer for the prompt ${JSON.stringify(prompt)}`);
    return { getResponseText: () => answer.text, getSelectedButton: () => BUTTON[answer.button] };
  }
}
