// Placeholder: the `verity sources` command is being built (see the project's issues).
import type { Command } from '../command.js';
import { VerityError } from '../../errors.js';

export const sourcesCommand: Command = {
  name: 'sources',
  summary: '(not yet available)',
  help: 'verity sources: not yet available in this build.\n',
  options: {},
  async run() {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'sources', problem: 'this command is not built yet', fix: 'use a later version' });
  },
};
