/**
 * `npm run bench -- archive-copy`: a certified copy of a 10-page record (targets ≤ 100 ms, ≤ 200 KB):
 * layout, font subset, SM3 digest, SM2 signature, QR code and vector seal on every page; then its
 * verification from the file. Warm figures (the font file is read once, as in the running app).
 */
import { makeCopy, sampleContent } from '../electron/print/certified-copy/testing/fixture';
import { verifyCopyPdf } from '../electron/print/certified-copy/verify';
import type { BenchContext } from './run';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** The copy figures, for bench/archive.ts to call as well. */
export async function benchCertifiedCopy(ctx: BenchContext, runs = 20): Promise<void> {
  // About 28 body lines a page, two lines a paragraph: 155 paragraphs make 10 pages.
  const content = sampleContent(155);
  await makeCopy(content);
  const made: number[] = [];
  const verified: number[] = [];
  let bytes = 0;
  let pages = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const { copy, ledger } = await makeCopy(content);
    made.push(performance.now() - started);
    bytes = copy.pdf.byteLength;
    pages = copy.pages;
    const checkStarted = performance.now();
    await verifyCopyPdf(copy.pdf, ledger);
    verified.push(performance.now() - checkStarted);
  }
  made.sort((a, b) => a - b);
  verified.sort((a, b) => a - b);
  ctx.emit('copy.pages', pages, 'pages');
  ctx.emit('copy.make.p50', quantile(made, 0.5), 'ms');
  ctx.emit('copy.make.p95', quantile(made, 0.95), 'ms');
  ctx.emit('copy.size', bytes / 1024, 'KB');
  ctx.emit('copy.verify.p50', quantile(verified, 0.5), 'ms');
}

export default async function main(ctx: BenchContext): Promise<void> {
  await benchCertifiedCopy(ctx);
}
