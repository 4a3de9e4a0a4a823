import type { CliCommand } from '../command';
import { scaffoldCommand } from './scaffold';

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [scaffoldCommand];
