// Placeholder: the `verity search` command is being built (see the project's issues).
import type { Command } from '../command.js';
import { VerityError } from '../../errors.js';

export const searchCommand: Command = {
  name: 'search',
  summary: '(not yet available)',
  help: 'verity search: not yet available in this build.\n',
  options: {},
  async run() {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'search', problem: 'this command is not built yet', fix: 'use a later version' });
  },
};
