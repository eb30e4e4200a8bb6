import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Debian's `tesseract` (5.x, language `chi_sim`) run as a child process, one page at a time, with a
 * time limit: a page that hangs the engine is stopped and reported, never left running.
 */

// chi_sim alone: with +eng, tesseract took whole Chinese lines for English (上呼吸道感染 → EMER) and accuracy fell from ~0.9 to ~0.45.
export const OCR_LANGUAGES = 'chi_sim';
const DEFAULT_TIMEOUT_MS = 120_000;

export interface OcrEngine {
  readonly available: boolean;
  /** `tesseract 5.3.0 chi_sim+eng`, or why it cannot run (in Chinese). */
  readonly description: string;
}

function run(command: string, args: ReadonlyArray<string>, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve({ stdout, stderr });
    });
  });
}

/** Whether tesseract with Chinese is installed here, and its version. */
export async function probeTesseract(command = 'tesseract'): Promise<OcrEngine> {
  try {
    const version = await run(command, ['--version'], 10_000);
    const langs = await run(command, ['--list-langs'], 10_000);
    if (!/\bchi_sim\b/.test(langs.stdout))
      return { available: false, description: '已安装 tesseract，但缺少简体中文识别数据（chi_sim）：请安装 tesseract-ocr-chi-sim' };
    const first = `${version.stdout}${version.stderr}`.split('\n')[0]?.trim() || 'tesseract';
    return { available: true, description: `${first} ${OCR_LANGUAGES}` };
  } catch {
    return { available: false, description: '本机没有安装文字识别程序 tesseract：扫描件已保存，安装 tesseract-ocr 和 tesseract-ocr-chi-sim 后会自动识别' };
  }
}

/**
 * Tesseract puts a space between Chinese characters it reads one by one; the record had none.
 * Spaces between two Chinese characters (or a Chinese character and Chinese punctuation) go.
 */
export function tidyOcrText(text: string): string {
  const cjk = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
  return text
    .replace(new RegExp(`(?<=[${cjk}])[ \\t]+(?=[${cjk}])`, 'gu'), '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Reads one page image (PNG or JPEG bytes). */
export async function recognisePage(image: Uint8Array, options: { command?: string; timeoutMs?: number } = {}): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clinic-ocr-'));
  try {
    const file = path.join(dir, 'page');
    writeFileSync(file, image);
    const { stdout } = await run(options.command ?? 'tesseract', [file, 'stdout', '-l', OCR_LANGUAGES, '--psm', '3'], options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return tidyOcrText(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
