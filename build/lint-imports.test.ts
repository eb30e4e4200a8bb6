import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from './lint-imports';

const root = path.resolve(import.meta.dirname, '..');
const at = (rel: string) => path.join(root, rel);

describe('import-direction lint', () => {
  it('lets each layer import what STYLE.md allows', () => {
    expect(checkFile(at('renderer/src/a.tsx'), "import { contract } from '../../shared/api';")).toEqual([]);
    expect(checkFile(at('electron/services/a.ts'), "import x from '../../db/open'; import y from '../../shared/docs';")).toEqual([]);
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

  it('keeps ipc → services → db inside electron/', () => {
    expect(checkFile(at('electron/ipc/a.ts'), "import type { ClinicData } from '../services/clinic-data';")).toEqual([]);
    expect(checkFile(at('electron/ipc/a.ts'), "import { openClinicDatabase } from '../../db/open';")).toEqual([
      'electron/ipc/a.ts: electron/ipc/ may not use db/ directly; go through services (../../db/open)',
    ]);
    expect(checkFile(at('electron/services/a.ts'), "import type { AppContext } from '../ipc/context';")).toHaveLength(1);
    expect(checkFile(at('electron/services/a.ts'), "import type { ClinicApp } from '../app/clinic-app';")).toHaveLength(1);
    expect(checkFile(at('electron/ipc/a.ts'), "import type { ClinicApp } from '../app/clinic-app';")).toHaveLength(1);
    expect(checkFile(at('electron/app/a.ts'), "import { buildRouter } from '../ipc'; import { AuditTrail } from '../services/audit-trail';")).toEqual([]);
    expect(checkFile(at('electron/main.ts'), "import { createClinicApp } from './app/clinic-app';")).toEqual([]);
  });

  it('keeps devices and sync as parts of their own, reached through their index', () => {
    expect(checkFile(at('electron/services/a.ts'), "import { createSyncService } from '../sync'; import { DeviceManager } from '../devices/index';")).toEqual(
      [],
    );
    expect(checkFile(at('electron/services/a.ts'), "import { countPendingChanges } from '../sync/pending';")).toEqual([
      'electron/services/a.ts: use electron/sync/ through its index.ts, not its internals (../sync/pending)',
    ]);
    expect(checkFile(at('electron/services/a.ts'), "import { frameOf } from '../devices/card-reader/frame';")).toHaveLength(1);
    expect(checkFile(at('electron/devices/a.ts'), "import { SyncEngine } from '../sync';")).toHaveLength(1);
    expect(checkFile(at('electron/devices/port/a.ts'), "import type { ClinicData } from '../../services/clinic-data';")).toHaveLength(1);
    expect(checkFile(at('electron/sync/a.ts'), "import { DeviceManager } from '../devices';")).toHaveLength(1);
    expect(checkFile(at('electron/sync/pouch-adapter/a.ts'), "import { conflictSummaries } from '../../services/sync-conflicts';")).toHaveLength(1);
    expect(checkFile(at('electron/sync/a.ts'), "import type { Router } from '../ipc/router';")).toHaveLength(1);
    expect(checkFile(at('electron/sync/a.ts'), "import type { DocumentStoreApi } from '../../db/store/types';")).toEqual([]);
  });

  it('keeps test helpers out of production code', () => {
    expect(checkFile(at('electron/ipc/a.ts'), "import { openRegistrationApp } from './testing/registration-fixtures';")).toHaveLength(1);
    expect(checkFile(at('electron/sync/a.ts'), "import { startPeerServer } from './testing/peer-server/start';")).toHaveLength(1);
    expect(checkFile(at('db/store/a.ts'), "import { makePatient } from '../testing/fixtures';")).toHaveLength(1);
    expect(checkFile(at('electron/services/a.ts'), "import { helper } from './a.test';")).toHaveLength(1);
    expect(checkFile(at('electron/ipc/fixtures.ts'), "import { expect } from 'vitest';")).toEqual([
      "electron/ipc/fixtures.ts: 'vitest' is for tests; a helper that needs it belongs in a testing/ folder",
    ]);
    // Tests and helpers in testing/ folders may reach anything they need to set a scene up.
    expect(
      checkFile(
        at('electron/ipc/a.test.ts'),
        "import { openRegistrationApp } from './testing/registration-fixtures'; import { openTestApp } from '../app/testing';",
      ),
    ).toEqual([]);
    expect(checkFile(at('electron/ipc/testing/a.ts'), "import { openTestApp } from '../../app/testing'; import { expect } from 'vitest';")).toEqual([]);
    expect(
      checkFile(at('electron/services/a.test.ts'), "import { makePatient } from '../../db/testing/fixtures'; import { x } from '../sync/pending';"),
    ).toEqual([]);
    expect(checkFile(at('db/scripts/a.ts'), "import { makePatient } from '../testing/fixtures';")).toEqual([]);
  });
});
