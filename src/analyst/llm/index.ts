// The optional LLM analyst: loaded only when --analyst llm is chosen (see ../analyst-config.ts).
export { LlmAnalyst, type LlmAnalystOptions } from './llm-analyst.js';
export { ChatClient, chatEndpoint, type ChatAnswer, type ChatClientOptions, type ChatMessage } from './chat-client.js';
export { readJsonAnswer, JsonAnswerError, type JsonAnswer } from './json-answer.js';
export { readReportProse, type ReportProse } from './report-prose.js';
export { selectPassages, reportMessages, type NumberedPassage, type PassageBudget } from './report-prompt.js';
export { readStanceLabel } from './stance-prompt.js';
export { redact, printableUrl } from './redact.js';
