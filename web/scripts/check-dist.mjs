#!/usr/bin/env node
// Checks the production build in dist/ against what the finhelm server's Content-Security-Policy
// allows (SECURITY.md WEB-3):
//   default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none';
//   frame-ancestors 'none'; form-action 'self'
// That is: no inline <script>, no <style> element or style="" attribute (no style-src exception),
// no inline event handlers, no javascript: or data: URLs, no eval. It also checks that assets are
// content-hashed (the server caches /assets/* for a long time) and reports the gzipped size of the
// JavaScript a first visit downloads, failing above the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of JavaScript loaded before the first screen renders. */
const INITIAL_JS_BUDGET_GZIP = 90 * 1024;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const problems = [];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

let files;
try {
  files = walk(root);
} catch {
  console.error(`check-dist: ${root} does not exist; run the build first`);
  process.exit(1);
}

const indexPath = join(root, 'index.html');
if (!files.includes(indexPath)) problems.push('dist/index.html is missing');

for (const file of files) {
  const rel = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const ext = extname(file);

  if (ext === '.html') {
    for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      const [, attrs = '', body = ''] = match;
      if (!/\bsrc\s*=/.test(attrs)) problems.push(`${rel}: inline <script> element`);
      if (body.trim() !== '') problems.push(`${rel}: <script> element with inline content`);
    }
    if (/<style\b/i.test(text)) problems.push(`${rel}: <style> element`);
    if (/\sstyle\s*=/i.test(text)) problems.push(`${rel}: style="" attribute`);
    if (/\son[a-z]+\s*=/i.test(text)) problems.push(`${rel}: inline event handler attribute`);
    if (/\b(?:href|src)\s*=\s*["']?\s*(?:javascript|data):/i.test(text)) {
      problems.push(`${rel}: javascript: or data: URL`);
    }
    if (/<base\b/i.test(text)) problems.push(`${rel}: <base> element (base-uri 'none')`);
    if (/<(?:object|embed)\b/i.test(text)) problems.push(`${rel}: <object>/<embed> element`);
  } else if (ext === '.css') {
    if (/url\(\s*["']?\s*data:/i.test(text)) problems.push(`${rel}: data: URL in CSS`);
    if (/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//i.test(text)) {
      problems.push(`${rel}: @import from another origin`);
    }
  } else if (ext === '.js') {
    if (/(?<![\w$.])eval\s*\(/.test(text))
      problems.push(`${rel}: eval() (script-src has no 'unsafe-eval')`);
    if (/\bnew\s+Function\s*\(/.test(text)) problems.push(`${rel}: new Function()`);
  }

  if (rel !== 'index.html') {
    if (!rel.startsWith('assets/')) {
      problems.push(`${rel}: outside assets/; the server serves only index.html and /assets/*`);
    } else if (!/-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(basename(rel))) {
      problems.push(`${rel}: asset name carries no content hash`);
    }
  }
}

// Initial JavaScript: the entry scripts and module preloads named in index.html.
let initialGzip = 0;
if (files.includes(indexPath)) {
  const html = readFileSync(indexPath, 'utf8');
  const initial = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)) initial.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/gi)) {
    initial.add(match[1]);
  }
  console.log('check-dist: initial JavaScript');
  for (const src of initial) {
    const path = join(root, src.replace(/^\//, ''));
    const raw = statSync(path).size;
    const gz = gzipSize(path);
    initialGzip += gz;
    console.log(`  ${src}  ${kb(raw)}  (gzip ${kb(gz)})`);
  }
  console.log(`  total gzip ${kb(initialGzip)} (budget ${kb(INITIAL_JS_BUDGET_GZIP)})`);
  if (initialGzip > INITIAL_JS_BUDGET_GZIP) {
    problems.push(
      `initial JavaScript is ${kb(initialGzip)} gzipped, over the ${kb(INITIAL_JS_BUDGET_GZIP)} budget; lazy-load screens`,
    );
  }
}

if (problems.length > 0) {
  console.error(`check-dist: ${problems.length} problem(s) in dist/:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`check-dist: ${files.length} files OK (no inline script or style, hashed assets)`);
