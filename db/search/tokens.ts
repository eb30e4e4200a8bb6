/**
 * How record text becomes full-text tokens, and how a query becomes an FTS5 expression over them.
 * The rules are in db/search/README.md; in short:
 *
 * - The text is NFKC-normalised (full-width Ｘ and ２ become X and 2) and lower-cased, then split into
 *   words by `Intl.Segmenter('zh', { granularity: 'word' })`.
 * - Chinese: words next to each other are joined back into a run (ICU's dictionary cuts 支气管肺炎
 *   into 支|气管|肺炎 and 获得性肺炎 into 获得|性|肺炎, and a query is cut differently from the
 *   record it should find), and each run is indexed as its overlapping character pairs followed by
 *   its last character: 糖尿病 → 糖尿 尿病 病. A query of two or more characters is the phrase of
 *   its pairs; one character is a prefix query on the pairs (肺 → 肺*), which finds every place the
 *   character stands, since each character begins exactly one token.
 * - Latin letters and numbers: each word the segmenter gives (HbA1c, 7.2, 90mmhg) is one token,
 *   found whole, or by its beginning when it ends the query (hba → hba1c). Mixed terms keep their
 *   order: 2型 is the token 2 followed by a run starting with 型.
 *
 * So a query term matches exactly where its normalised form is a substring of the record's
 * normalised form (`normaliseForScan`), which is what the search-quality test checks.
 */

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
/** A Latin/number token: letters, digits and the decimal point (7.2); nothing FTS5's tokenizer would split. */
const LATIN_CHAR = /[\p{L}\p{N}.]/u;

/** One stretch of the normalised text: a run of Chinese characters, or one Latin/number word. */
export interface TextRun {
  readonly kind: 'han' | 'latin';
  readonly text: string;
}

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function latinWord(segment: string): string {
  let kept = '';
  for (const ch of segment) if (LATIN_CHAR.test(ch) && !HAN.test(ch)) kept += ch;
  return kept.replace(/^\.+|\.+$/g, '');
}

/**
 * The runs of a text, in order. Consecutive Chinese words join into one run; anything that is
 * neither Chinese nor a Latin/number word (spaces, punctuation, symbols) ends a run.
 */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let han = '';
  const endHan = () => {
    if (han) runs.push({ kind: 'han', text: han });
    han = '';
  };
  for (const { segment, isWordLike } of SEGMENTER.segment(normalise(text))) {
    if (!isWordLike) {
      endHan();
      continue;
    }
    // A word may still mix scripts (rare): split it into its Chinese and Latin parts, in order.
    for (const part of segment.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      if (HAN.test(part)) {
        han += part;
        continue;
      }
      const word = latinWord(part);
      if (!word) continue;
      endHan();
      runs.push({ kind: 'latin', text: word });
    }
  }
  endHan();
  return runs;
}

function pairs(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i] + chars[i + 1]);
  return out;
}

function lastChar(run: string): string {
  const chars = Array.from(run);
  return chars[chars.length - 1];
}

/** The tokens the index keeps for a text, space-separated, in the order FTS5 numbers positions. */
export function indexTokens(text: string): string {
  const tokens: string[] = [];
  for (const run of textRuns(text)) {
    if (run.kind === 'latin') tokens.push(run.text);
    else tokens.push(...pairs(run.text), lastChar(run.text));
  }
  return tokens.join(' ');
}

/** One query term as FTS5 sees it: a phrase of tokens, the last perhaps a prefix. */
export interface TermPhrase {
  readonly tokens: ReadonlyArray<string>;
  readonly prefix: boolean;
}

/** The phrase for one query term (no spaces in it), or null when it has nothing to search for. */
export function termPhrase(term: string): TermPhrase | null {
  const runs = textRuns(term);
  if (runs.length === 0) return null;
  const tokens: string[] = [];
  let prefix = false;
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    if (run.kind === 'latin') {
      tokens.push(run.text);
      prefix = last;
      return;
    }
    const chars = Array.from(run.text);
    if (!last) {
      // A run followed by more of the term must end where the record's run ends: its last
      // character is a token of its own there.
      tokens.push(...pairs(run.text), lastChar(run.text));
    } else if (chars.length === 1) {
      tokens.push(run.text);
      prefix = true;
    } else tokens.push(...pairs(run.text));
  });
  return { tokens, prefix };
}

/** The query's terms: split at spaces (and full-width spaces), each normalised into its phrase. */
export function queryPhrases(query: string): TermPhrase[] {
  return query
    .split(/[\s\u3000]+/)
    .map((term) => termPhrase(term))
    .filter((phrase): phrase is TermPhrase => phrase !== null && phrase.tokens.length > 0);
}

/** An FTS5 MATCH expression: every term must match (implicit AND). Tokens hold no quote character. */
export function ftsExpression(phrases: ReadonlyArray<TermPhrase>): string {
  return phrases.map((p) => `"${p.tokens.join(' ')}"${p.prefix ? '*' : ''}`).join(' ');
}

/**
 * The definition the index implements, as plain text for an exhaustive scan: runs between
 * separators, each Latin word whole. A term matches a record when `scanPattern(term)` is a
 * substring of `normaliseForScan(record)`.
 */
export const SCAN_SEPARATOR = '\u0001';

export function normaliseForScan(text: string): string {
  return (
    SCAN_SEPARATOR +
    textRuns(text)
      .map((r) => r.text)
      .join(SCAN_SEPARATOR) +
    SCAN_SEPARATOR
  );
}

export function scanPattern(term: string): string | null {
  const runs = textRuns(term);
  if (runs.length === 0) return null;
  let out = '';
  runs.forEach((run, i) => {
    const first = i === 0;
    const last = i === runs.length - 1;
    if (run.kind === 'latin') out += (first ? SCAN_SEPARATOR : '') + run.text + (last ? '' : SCAN_SEPARATOR);
    else out += run.text + (last ? '' : SCAN_SEPARATOR);
  });
  return out;
}
