// A stand-in for a language-model server, for the "--analyst llm" walkthrough in docs/guide.md.
// It speaks just enough of the OpenAI chat-completions API (POST …/chat/completions) and always
// writes the same three summary sentences about the passage that holds "140 of the 196":
// one faithful, one with a wrong figure and one with no citation, so you can see what Verity's
// verifier does with a model's sentences. It is not a model and reads nothing else.
//
//   node examples/guide/canned-model.mjs 8799
//   verity check "140 of 196 countries criminalise simple possession" \
//     --analyst llm --llm-url http://127.0.0.1:8799/v1 --llm-model canned
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 8799);

/** The number of the prompt's passage that contains `needle`, else 1. */
function passageWith(prompt, needle) {
  const parts = prompt.split(/^\[(\d+)\] /m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    if (parts[i + 1].includes(needle)) return Number(parts[i]);
  }
  return 1;
}

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    const messages = JSON.parse(body).messages ?? [];
    const prompt = messages.map((m) => String(m.content)).join('\n');
    const n = passageWith(prompt, '140 of the 196');
    const answer = {
      summary: [
        { text: 'ICMEC (2018) reports that 140 of the 196 countries criminalise simple possession of CSAM.', cites: [n] },
        { text: 'ICMEC (2018) reports that 150 of the 196 countries criminalise simple possession of CSAM.', cites: [n] },
        { text: 'Most countries have tightened their laws a great deal since then.', cites: [] },
      ],
      findings: [],
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      id: 'canned-1', object: 'chat.completion', model: 'canned',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(answer) } }],
    }));
  });
}).listen(port, '127.0.0.1', () => console.log(`canned model on http://127.0.0.1:${port}/v1`));
