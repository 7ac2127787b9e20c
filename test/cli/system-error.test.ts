// A full disk or a read-only folder is the machine's failure, not a bug to report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.ts';
import { systemErrorText } from '../../cli/system-error.ts';

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });
const folder = mkdtempSync(join(tmpdir(), 'system-error-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('file-system failures', () => {
  it('read as what the machine said', () => {
    expect(systemErrorText(systemError('ENOSPC', 'ENOSPC: no space left on device, write'))).toBe(
      'ENOSPC: no space left on device, write',
    );
    expect(systemErrorText(systemError('EROFS', 'EROFS: read-only file system, open'))).toMatch(/^EROFS/);
  });

  it('leave every other error to be reported as a bug', () => {
    expect(systemErrorText(new TypeError('x is undefined'))).toBeUndefined();
    expect(systemErrorText(systemError('ERR_INVALID_ARG_TYPE', 'bad argument'))).toBeUndefined();
    expect(systemErrorText('ENOSPC')).toBeUndefined();
  });

  it('exit 2 with that message, not "internal error"', async () => {
    let stderr = '';
    const code = await run(['init', 'new.xlsx'], {
      stdout: () => {
        throw systemError('ENOSPC', 'ENOSPC: no space left on device, write');
      },
      stderr: (text) => (stderr += text),
      interactive: false,
      cwd: folder,
    });
    expect(code).toBe(2);
    expect(stderr).toBe('risk-register: ENOSPC: no space left on device, write\n');
  });
});
