// Placeholder: the `verity eval` command is being built (see the project's issues).
import type { Command } from '../command.js';
import { VerityError } from '../../errors.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: '(not yet available)',
  help: 'verity eval: not yet available in this build.\n',
  options: {},
  async run() {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'eval', problem: 'this command is not built yet', fix: 'use a later version' });
  },
};
