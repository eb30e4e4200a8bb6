import { z } from 'zod';
import { isoTimestamp } from '../docs/base';
import { method } from './define';
import { lanIndicator } from './lan';

export const syncIndicator = z.object({
  state: z.enum(['not_configured', 'idle', 'active', 'paused', 'error']),
  pendingChanges: z.number().int().nonnegative(),
  lastSuccessAt: isoTimestamp.nullable(),
  message: z.string(),
});

export const deviceIndicator = z.object({
  state: z.enum(['not_configured', 'ready', 'connecting', 'disconnected', 'error']),
  message: z.string(),
});

export const systemContract = {
  'system.status': method({
    input: z.object({}).strict(),
    output: z.object({
      clinicName: z.string(),
      clinicCode: z.string(),
      workstationId: z.string(),
      user: z.object({ username: z.string(), displayName: z.string() }),
      sync: syncIndicator,
      devices: deviceIndicator,
      lan: lanIndicator,
      version: z.string(),
    }),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '状态栏信息',
  }),
} as const;
