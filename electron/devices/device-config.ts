import { z } from 'zod';

export const deviceKind = z.enum(['card_reader', 'scanner']);
export type DeviceKind = z.infer<typeof deviceKind>;

/** Rates serial readers and scanners actually ship with; 9600 is the usual factory setting. */
export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

/** One configured device, as the settings screen stores it. */
export const deviceConfig = z
  .object({
    kind: deviceKind,
    /** `COM3` on Windows, `/dev/ttyUSB0` on Linux, or a simulator's pty link. */
    path: z.string().trim().min(1, '请选择串口'),
    baudRate: z.number().refine((rate) => (BAUD_RATES as readonly number[]).includes(rate), '波特率不在常用范围内'),
  })
  .strict();
export type DeviceConfig = Readonly<z.infer<typeof deviceConfig>>;

/** At most one device of each kind: the front desk has one reader and one scanner. */
export const deviceConfigList = z.array(deviceConfig).refine((list) => new Set(list.map((d) => d.kind)).size === list.length, {
  message: '每种设备只能设置一台',
});
