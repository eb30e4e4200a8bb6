/**
 * Chinese line breaking for every PDF the app makes (避头尾, GB/T 15834 and the W3C's clreq): a
 * line never starts with closing punctuation (）」。，、…) nor ends with opening punctuation（（「《）.
 * Chinese may otherwise break between any two characters; Latin words and numbers are kept whole
 * when they fit, so "2 人" or a visit number is not split in the middle.
 */

/** Characters that must not begin a line: closing brackets and quotes, stops, pauses, and the like. */
const NO_LINE_START = new Set(Array.from('）)］]｝}〕〉》」』】〗〙〛’”›»、。，．,.：:；;！!？?…‥·・—～~%％‰℃'));

/** Characters that must not end a line: opening brackets and quotes. */
const NO_LINE_END = new Set(Array.from('（(［[｛{〔〈《「『【〖〘〚‘“‹«'));

/** Measures a piece of text (e.g. pdf-lib's `font.widthOfTextAtSize(text, size)`). */
export type MeasureText = (text: string) => number;

/** Units that stay together unless one alone is wider than the line: a Latin word or number, or one other character. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9@#&_+\-/.:]+|[\s\S]/gu) ?? [];
}

/** May a line break fall between `before` and `after`? */
function breakAllowed(before: string, after: string): boolean {
  return !NO_LINE_START.has(Array.from(after)[0] ?? '') && !NO_LINE_END.has(Array.from(before).at(-1) ?? '');
}

/**
 * The lines of `text` no wider than `width`. At an overflow the break moves back to the nearest
 * place 避头尾 allows, so a closing bracket takes the character before it along to the next line;
 * only a line with no allowed break at all (all punctuation) is cut where it overflows.
 */
export function breakLines(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const unit of units(text)) {
    if (line.length === 0 || measure(line.join('') + unit) <= width) {
      line.push(unit);
      continue;
    }
    let cut = line.length;
    while (cut > 0 && !breakAllowed(line[cut - 1], cut === line.length ? unit : line[cut])) cut -= 1;
    if (cut === 0) cut = line.length;
    lines.push(line.slice(0, cut).join('').trimEnd());
    line = [...line.slice(cut), unit];
    if (line[0]?.trim() === '') line = line.slice(1);
  }
  return [...lines, line.join('')].filter((l, i, all) => l !== '' || all.length === 1);
}
