/**
 * `npm run cli -- verify-copy <复印件.pdf> --data-dir DIR`: checks a certified copy against this
 * data folder's disclosure log and clinic keys (electron/print/certified-copy/README.md) and prints
 * 真实 (genuine), 已被改动 (altered) or 无法识别 (unknown) with the reason. Exit code 0 genuine,
 * 1 altered or unknown, 2 bad arguments.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openClinicDatabase } from '../../db/open';
import { DATABASE_FILE } from '../app/clinic-app';
import { resolveDataDir } from '../app/data-dir';
import { verifyCopyFile } from '../services/copies/ledger';

export const VERIFY_COPY_USAGE = '  verify-copy <复印件.pdf> --data-dir <目录>   核验病历复印件（真实 / 已被改动 / 无法识别）';

export async function runVerifyCopy(argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv, print: (line: string) => void = console.log): Promise<number> {
  const file = argv.find((arg, i) => !arg.startsWith('--') && (i === 0 || argv[i - 1] !== '--data-dir'));
  if (!file) {
    print(`用法：npm run cli --${VERIFY_COPY_USAGE}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    print(`读不到文件 ${file}，请检查路径。`);
    return 2;
  }
  const db = openClinicDatabase(path.join(resolveDataDir(argv, env), DATABASE_FILE), { slowQueryLog: false });
  try {
    const verdict = await verifyCopyFile(db.store, bytes);
    print(`${verdict.headline} [${verdict.status}]${verdict.copyId ? ` 复印件编号 ${verdict.copyId}` : ''}：${verdict.reason}`);
    return verdict.status === 'genuine' ? 0 : 1;
  } finally {
    db.close();
  }
}
