// Placeholder: the `verity analyze` command is being built (see the project's issues).
import type { Command } from '../command.js';
import { VerityError } from '../../errors.js';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: '(not yet available)',
  help: 'verity analyze: not yet available in this build.\n',
  options: {},
  async run() {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'analyze', problem: 'this command is not built yet', fix: 'use a later version' });
  },
};
