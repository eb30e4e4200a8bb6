import type { SnippetPart } from '../../../shared/api';
import { textRuns } from '../../../db/search/tokens';

/**
 * The part of a record's text around its first match, with every match of the query marked. The
 * needles are the query's runs (db/search/tokens.ts): 2型糖 marks 2 and 型糖; found in the original
 * text without regard to case, so the record is shown as written.
 */

const CONTEXT = 30;
const MAX_LENGTH = 120;

function matchRanges(text: string, query: string): Array<[number, number]> {
  const haystack = text.toLowerCase();
  const needles = [...new Set(query.split(/[\s\u3000]+/).flatMap((term) => textRuns(term).map((run) => run.text)))].filter(Boolean);
  const ranges: Array<[number, number]> = [];
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

export function snippetOf(text: string, query: string): SnippetPart[] {
  const flat = text.replace(/\s*\n\s*/g, ' / ');
  const ranges = matchRanges(flat, query);
  const start = ranges.length ? Math.max(0, ranges[0][0] - CONTEXT) : 0;
  const end = Math.min(flat.length, start + MAX_LENGTH);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = start;
  for (const [from, to] of ranges) {
    if (from >= end) break;
    if (from > at) parts.push({ text: flat.slice(at, from), mark: false });
    parts.push({ text: flat.slice(Math.max(from, at), Math.min(to, end)), mark: true });
    at = Math.min(to, end);
  }
  if (at < end) parts.push({ text: flat.slice(at, end), mark: false });
  if (end < flat.length) parts.push({ text: '…', mark: false });
  return parts;
}
