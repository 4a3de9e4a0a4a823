import type { CliCommand } from '../command';
import { analyzeCommand } from './analyze';

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [analyzeCommand];
