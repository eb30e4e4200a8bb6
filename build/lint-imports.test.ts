import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from './lint-imports';

const root = path.resolve(import.meta.dirname, '..');
const at = (rel: string) => path.join(root, rel);

describe('import-direction lint', () => {
  it('lets each layer import what STYLE.md allows', () => {
    expect(checkFile(at('renderer/src/a.tsx'), "import { contract } from '../../shared/api';")).toEqual([]);
    expect(checkFile(at('electron/ipc/a.ts'), "import x from '../../db/open'; import y from '../../shared/docs';")).toEqual([]);
    expect(checkFile(at('db/store/a.ts'), "import { z } from 'zod'; import s from '../../shared/docs';")).toEqual([]);
  });

  it('refuses imports against the direction', () => {
    expect(checkFile(at('renderer/src/a.tsx'), "import x from '../../db/open';")).toHaveLength(1);
    expect(checkFile(at('renderer/src/a.tsx'), "const x = await import('../../electron/ipc/router');")).toHaveLength(1);
    expect(checkFile(at('shared/api/a.ts'), "import x from '../../electron/ipc/router';")).toHaveLength(1);
    expect(checkFile(at('db/a.ts'), "import x from '../electron/app/context';")).toHaveLength(1);
  });

  it('keeps shared pure and electron imports in the wiring files', () => {
    expect(checkFile(at('shared/x.ts'), "import fs from 'node:fs';")).toHaveLength(1);
    expect(checkFile(at('shared/x.test.ts'), "import fs from 'node:fs';")).toEqual([]);
    expect(checkFile(at('electron/services/x.ts'), "import { app } from 'electron';")).toHaveLength(1);
    expect(checkFile(at('electron/main.ts'), "import { app } from 'electron';")).toEqual([]);
  });
});
