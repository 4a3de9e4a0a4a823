import type { CliCommand } from '../command';
import { analyzeCommand } from './analyze';
import { lintCommand } from './lint';
import { scaffoldCommand } from './scaffold';

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [lintCommand, analyzeCommand, scaffoldCommand];
