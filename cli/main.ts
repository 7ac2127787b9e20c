// The risk-register command: parses the command line and hands it to one command; maps failures to exit codes.
import { USAGE, parseCommandLine } from './args.ts';
import type { ConsoleIO } from './console-io.ts';
import { CommandLineError, EXIT, UsageError } from './console-io.ts';
import { demoCommand } from './commands/demo.ts';
import { generateCommand } from './commands/generate.ts';
import { initCommand } from './commands/init.ts';
import { validateCommand } from './commands/validate.ts';
import { FileError } from './file-error.ts';

export async function run(argv: readonly string[], io: ConsoleIO): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.name) {
      case 'help':
        io.stdout(USAGE);
        return EXIT.done;
      case 'init':
        return await initCommand(command, io);
      case 'validate':
        return await validateCommand(command, io);
      case 'generate':
        return (await generateCommand(command, io)).exitCode;
      case 'demo':
        return await demoCommand(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileError) {
      io.stderr(`risk-register: ${error.message}\n`);
      if (error instanceof CommandLineError) io.stderr(`\n${USAGE}`);
      return EXIT.usage;
    }
    // A bug, not a user's mistake: say so plainly rather than print a bare stack trace.
    io.stderr(`risk-register: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
}
