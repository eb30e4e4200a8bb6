/**
 * `npm run bench -- <name> [--size N] [--data-dir DIR]`: runs bench/<name>.ts and prints one JSON
 * object per line: {"bench":…,"metric":…,"value":…,"unit":…}. A benchmark prints figures; it
 * asserts nothing. Metric names are dotted and end with the statistic (p95, docs_per_s, ms, …).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchContext {
  readonly size: number | undefined;
  readonly args: ReadonlyArray<string>;
  emit(metric: string, value: number, unit: string): void;
  /** Progress for long runs, on stderr so stdout stays machine-readable. */
  progress(message: string): void;
}

export type BenchMain = (ctx: BenchContext) => Promise<void>;

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
    console.error('用法：npm run bench -- <名称> [--size N]，例如 npm run bench -- writes');
    process.exit(2);
  }
  const file = path.join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(file)) {
    console.error(`没有名为 ${name} 的基准测试（找不到 bench/${name}.ts）`);
    process.exit(2);
  }
  const sizeIndex = args.indexOf('--size');
  const size = sizeIndex >= 0 ? Number(args[sizeIndex + 1]) : undefined;
  if (size !== undefined && !(Number.isInteger(size) && size > 0)) {
    console.error('--size 需要一个正整数');
    process.exit(2);
  }
  const mod = (await import(pathToFileURL(file).href)) as { default: BenchMain };
  await mod.default({
    size,
    args,
    emit: (metric, value, unit) => console.log(JSON.stringify({ bench: name, metric, value: Number(value.toFixed(3)), unit })),
    progress: (message) => process.stderr.write(`[${name}] ${message}\n`),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
