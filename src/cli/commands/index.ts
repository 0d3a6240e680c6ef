// The command registry: one file per command in this folder, listed here in help order.
import type { Command } from '../command.js';
import { ingestCommand } from './ingest.js';
import { sourcesCommand } from './sources.js';
import { searchCommand } from './search.js';
import { analyzeCommand } from './analyze.js';
import { checkCommand } from './check.js';
import { auditCommand } from './audit.js';
import { evalCommand } from './eval.js';

export const commands: Command[] = [
  checkCommand,
  auditCommand,
  ingestCommand,
  sourcesCommand,
  searchCommand,
  analyzeCommand,
  evalCommand,
];
