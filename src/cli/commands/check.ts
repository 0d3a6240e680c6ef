// Placeholder: the `verity check` command is being built (see the project's issues).
import type { Command } from '../command.js';
import { VerityError } from '../../errors.js';

export const checkCommand: Command = {
  name: 'check',
  summary: '(not yet available)',
  help: 'verity check: not yet available in this build.\n',
  options: {},
  async run() {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'check', problem: 'this command is not built yet', fix: 'use a later version' });
  },
};
