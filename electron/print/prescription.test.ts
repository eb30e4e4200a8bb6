import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkFontFor } from './cjk-font';
import { prescriptionPdf, type PrescriptionSheet } from './prescription';

const sheet = (name: string): PrescriptionSheet => ({
  clinicName: '青山镇卫生院',
  kindLabel: '普通',
  visitNumber: 'W01-20260301-0009',
  feeCategory: '城乡居民医保',
  department: '内科',
  patient: { name, sex: '男', age: '45岁' },
  diagnosis: '原发性高血压；急性上呼吸道感染',
  items: [
    { name: '硝苯地平片 10mg×24片/盒', quantity: '×1盒', usage: '口服　每次 10mg　每日三次　3 天' },
    { name: '阿莫西林胶囊 0.25g×24粒/盒', quantity: '×1盒', usage: '口服　每次 0.5g　每日三次　3 天' },
  ],
  doctor: '李医生',
  // 08:03 UTC is 16:03 in Beijing.
  issuedAt: '2026-03-01T08:03:00.000Z',
});

let dir: string;
const files: Record<string, string> = {};
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rx-'));
  for (const [key, name] of [
    ['rare', '王䶮'],
    ['plain', '王'],
  ]) {
    files[key] = path.join(dir, `${key}.pdf`);
    writeFileSync(files[key], await prescriptionPdf(sheet(name)));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Poppler without system fonts, so it cannot hide a broken embedded font by borrowing one. */
function poppler(tool: string, args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync(tool, args, { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: '/dev/null' } });
  if (run.status !== 0) throw new Error(`${tool} failed: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** The page rendered in grey (PGM), as poppler draws it from the embedded font alone. */
function renderedPage(key: string): { pixels: Buffer; stderr: string } {
  const { stderr } = poppler('pdftoppm', ['-r', '100', '-gray', '-singlefile', files[key], path.join(dir, key)]);
  const pgm = readFileSync(path.join(dir, `${key}.pgm`));
  // P5 header: magic, width height, max value, each followed by one whitespace byte.
  const header = pgm.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
  return { pixels: pgm.subarray(header[0].length), stderr };
}
const inkOf = (pixels: Buffer) => pixels.reduce((sum, value) => sum + (value < 128 ? 1 : 0), 0);

describe('the 处方笺', () => {
  it('has the standard layout, top to bottom: clinic, kind, 费别 and 门诊号, patient, 临床诊断, Rp items, doctor, the pharmacy boxes', () => {
    const { stdout, stderr } = poppler('pdftotext', ['-layout', files.rare, '-']);
    expect(stderr).not.toMatch(/Mismatch between font type and embedded font file|Syntax Error|Syntax Warning/);
    const order = [
      '普通',
      '青山镇卫生院',
      '处方笺',
      '费别：城乡居民医保',
      '门诊号：W01-20260301-0009',
      '科别：内科',
      '姓名：王䶮',
      '性别：男',
      '年龄：45岁',
      '日期：2026-03-01 16:03',
      '临床诊断：原发性高血压；急性上呼吸道感染',
      'Rp',
      '1. 硝苯地平片 10mg×24片/盒',
      '每日三次',
      '2. 阿莫西林胶囊 0.25g×24粒/盒',
      '医师：李医生',
      '审核：',
      '调配：',
      '核对：',
      '发药：',
    ];
    const text = stdout.replace(/[ \t]+/g, ' ');
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.map((at, i) => (at < 0 ? `missing ${order[i]}` : 'found'))).toEqual(order.map(() => 'found'));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('keeps a rare name character (䶮): the embedded font has its outline and the page draws it', async () => {
    const font = fontkit.create(Buffer.from(await cjkFontFor('王䶮'))) as unknown as {
      glyphForCodePoint(c: number): { id: number; path: { commands: unknown[] } };
    };
    const glyph = font.glyphForCodePoint(0x4dae);
    expect(glyph.id).not.toBe(0);
    expect(glyph.path.commands.length).toBeGreaterThan(10);

    const rare = renderedPage('rare');
    const plain = renderedPage('plain');
    expect(rare.stderr + plain.stderr).not.toMatch(/Mismatch|Syntax Error|Syntax Warning|Couldn't/);
    // The same sheet but for one character: 䶮's strokes are the only extra ink (a dropped glyph adds none).
    expect(rare.pixels.length).toBe(plain.pixels.length);
    expect(inkOf(rare.pixels) - inkOf(plain.pixels)).toBeGreaterThan(40);
  });
});
