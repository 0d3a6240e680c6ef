// Reading an article to audit, whatever its format.
import { extname } from 'node:path';
import { VerityError } from '../../errors.js';
import { readHtmlArticle } from './article-html.js';
import { readMarkdownArticle } from './article-markdown.js';
import { readStructure } from './structure.js';
import type { Article, ArticleFormat } from '../types.js';

/** Largest article accepted (characters). */
export const MAX_ARTICLE_CHARS = 2_000_000;

/** The format of article text when none is declared: HTML when it starts with a tag, else Markdown. */
export function sniffFormat(text: string): ArticleFormat {
  return /^\s*(?:<!doctype html|<html|<body|<article|<p[\s>]|<h[1-6][\s>]|<div[\s>])/i.test(text) ? 'html' : 'md';
}

/**
 * Read an article from text: body, blocks, its numbered references and inline links, and where
 * each citation points. Markdown and plain text keep an offset map back to the input.
 */
export function readArticle(input: string, format: ArticleFormat = sniffFormat(input)): Article {
  if (input.length > MAX_ARTICLE_CHARS) {
    throw new VerityError({
      code: 'TOO_LARGE',
      component: 'audit',
      problem: `the article is ${input.length} characters, more than the ${MAX_ARTICLE_CHARS} an audit reads`,
      fix: 'audit the article in parts',
    });
  }
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new VerityError({ code: 'BAD_INPUT', component: 'audit', problem: 'the article is empty', fix: 'pass an article with text (Markdown, HTML or plain text)' });
  }
  return readStructure(format === 'html' ? readHtmlArticle(text) : readMarkdownArticle(text, format));
}

/** The format a file name implies, or null when its extension is not one an audit reads. */
export function formatOfPath(path: string): ArticleFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text') return 'txt';
  return null;
}
