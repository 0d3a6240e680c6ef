// Placeholder: the `verity audit` command is being built (see the project's issues).
import type { Command } from '../command.js';
import { VerityError } from '../../errors.js';

export const auditCommand: Command = {
  name: 'audit',
  summary: '(not yet available)',
  help: 'verity audit: not yet available in this build.\n',
  options: {},
  async run() {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'audit', problem: 'this command is not built yet', fix: 'use a later version' });
  },
};
