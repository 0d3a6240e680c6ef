// Placeholder: the `verity ingest` command is being built (see the project's issues).
import type { Command } from '../command.js';
import { VerityError } from '../../errors.js';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: '(not yet available)',
  help: 'verity ingest: not yet available in this build.\n',
  options: {},
  async run() {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'ingest', problem: 'this command is not built yet', fix: 'use a later version' });
  },
};
