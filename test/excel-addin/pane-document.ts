/**
 * A small stand-in for the task pane's DOM, so a test of the built bundle reads what the pane
 * shows: one element for each `id` in the runtime page, plus what TaskpaneView calls
 * (createElement, `new Option`, text, children, classes, attributes). Not a browser:
 * the Chromium e2e test renders the real page.
 */

export class FakeElement {
  id = '';
  className = '';
  type = '';
  value = '';
  title = '';
  disabled = false;
  hidden = false;
  checked = false;
  /** Inline styles: assigned properties, and custom properties set with setProperty (the theme's colours). */
  readonly style: Record<string, string> & { setProperty(name: string, value: string): void } = Object.assign(
    Object.create(null) as Record<string, string>,
    {
      setProperty(this: Record<string, string>, name: string, value: string): void {
        this[name] = value;
      },
    },
  );
  children: FakeElement[] = [];
  private text = '';
  private readonly attributes = new Map<string, string>();

  constructor(
    readonly tagName: string,
    private readonly doc: FakePaneDocument,
  ) {}

  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join('');
  }
  set textContent(value: string) {
    this.children = [];
    this.text = value;
  }

  readonly classList = {
    toggle: (name: string, force?: boolean) => {
      const names = new Set(this.className.split(' ').filter(Boolean));
      const on = force ?? !names.has(name);
      if (on) names.add(name);
      else names.delete(name);
      this.className = [...names].join(' ');
      return on;
    },
  };

  append(...nodes: (FakeElement | string)[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') {
        const text = new FakeElement('#text', this.doc);
        text.textContent = node;
        this.children.push(text);
      } else this.children.push(node);
    }
  }

  replaceChildren(...nodes: (FakeElement | string)[]): void {
    this.children = [];
    this.text = '';
    this.append(...nodes);
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  /** Tests press the ribbon commands (fake.press), not the pane's buttons. */
  addEventListener(_type: string, _listener: () => void): void {}

  focus(): void {
    this.doc.activeElement = this;
  }

  /** Descendants (depth first) whose class list has `name`. */
  byClass(name: string): FakeElement[] {
    return this.children.flatMap((child) => [
      ...(child.className.split(' ').includes(name) ? [child] : []),
      ...child.byClass(name),
    ]);
  }
}

export class FakePaneDocument {
  readonly body: FakeElement = new FakeElement('body', this);
  readonly documentElement: FakeElement = new FakeElement('html', this);
  activeElement: FakeElement = this.body;
  private readonly byId = new Map<string, FakeElement>();

  /** The elements of `html` that have an id, hidden where the page hides them. */
  constructor(html: string) {
    for (const match of html.matchAll(/<(\w+)\b([^>]*)\bid="([^"]+)"([^>]*)>/g)) {
      const element = new FakeElement(match[1]!, this);
      element.id = match[3]!;
      element.hidden = /\shidden\b/.test(`${match[2]} ${match[4]}`);
      this.byId.set(element.id, element);
    }
  }

  getElementById(id: string): FakeElement | null {
    return this.byId.get(id) ?? null;
  }

  createElement(tagName: string): FakeElement {
    return new FakeElement(tagName, this);
  }

  /** The issues the pane lists, as it shows them: `Assessments!C4: impact 9 is outside 1-5`. */
  shownIssues(): string[] {
    return this.getElementById('issues')!.children.map((item) => {
      const where = item.byClass('issue-where')[0]?.textContent;
      const message = item.byClass('issue-message')[0]?.textContent;
      return `${where}: ${message}`;
    });
  }
}

/** The `Option` constructor of a page's global scope, making options of `doc`. */
export function optionConstructor(doc: FakePaneDocument): new (text: string, value: string) => FakeElement {
  return class FakeOption extends FakeElement {
    constructor(text: string, value: string) {
      super('option', doc);
      this.textContent = text;
      this.value = value;
    }
  };
}
