// The risk-register command: parses the command line and hands it to one command; maps failures to exit codes.
import { USAGE, parseCommandLine } from './args.ts';
import type { ConsoleIO } from './ui.ts';
import { CommandLineError, EXIT, UsageError } from './ui.ts';
import { FileError } from './file-error.ts';
import { systemErrorText } from './system-error.ts';

// Each command is loaded when it runs (in the bundle, its own chunk), so `--help` and a usage
// error load neither the core's jobs nor exceljs.

export async function run(argv: readonly string[], io: ConsoleIO): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.name) {
      case 'help':
        io.stdout(USAGE);
        return EXIT.done;
      case 'init':
        return await (await import('./commands/init.ts')).initCommand(command, io);
      case 'validate':
        return await (await import('./commands/validate.ts')).validateCommand(command, io);
      case 'generate':
        return (await (await import('./commands/generate.ts')).generateCommand(command, io)).exitCode;
      case 'merge':
        return await (await import('./commands/merge.ts')).mergeCommand(command, io);
      case 'demo':
        return await (await import('./commands/demo.ts')).demoCommand(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileError) {
      io.stderr(`risk-register: ${error.message}\n`);
      if (error instanceof CommandLineError) io.stderr(`\n${USAGE}`);
      return EXIT.usage;
    }
    const system = systemErrorText(error);
    if (system) {
      io.stderr(`risk-register: ${system}\n`);
      return EXIT.usage;
    }
    // A bug, not a user's mistake: say so plainly rather than print a bare stack trace.
    io.stderr(
      `risk-register: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.usage;
  }
}
