/**
 * 外接设备: the front desk's card reader and barcode scanner. Settings are per workstation and stay
 * on this machine (never replicated). The main process reads a card as soon as one is inserted and
 * queues what happened; the screens poll `devices.events` for it (works the same over IPC and HTTP).
 */
import { z } from 'zod';
import { isoDate } from '../docs/base';
import { sexCode } from '../docs/patient';
import { method } from './define';

/** Rates serial readers and scanners ship with; 9600 is the usual factory setting. */
export const DEVICE_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
export const DEFAULT_BAUD_RATE = 9600;

export const deviceKind = z.enum(['card_reader', 'scanner']);
export type DeviceKindName = z.infer<typeof deviceKind>;

export const devicePort = z
  .object({
    /** `COM3` on Windows, `/dev/ttyUSB0` on Linux, or a simulator's link. */
    path: z.string().trim().min(1, '请选择或填写串口').max(260, '串口路径太长'),
    baudRate: z
      .number()
      .int('波特率不在常用范围内')
      .refine((rate) => (DEVICE_BAUD_RATES as readonly number[]).includes(rate), '波特率不在常用范围内'),
  })
  .strict();
export type DevicePort = z.infer<typeof devicePort>;

/** What one workstation has plugged in: at most one reader and one scanner; null means none. */
export const deviceSettings = z.object({ cardReader: devicePort.nullable(), scanner: devicePort.nullable() }).strict();
export type DeviceSettings = z.infer<typeof deviceSettings>;

export const deviceErrorView = z.object({
  code: z.string(),
  /** The registrar's words: what went wrong and what to do. */
  message: z.string(),
  /** Technical detail for the settings screen (errno text, status word). */
  detail: z.string().optional(),
});
export type DeviceErrorView = z.infer<typeof deviceErrorView>;

export const deviceStateView = z.object({
  kind: deviceKind,
  path: z.string(),
  status: z.enum(['disconnected', 'connecting', 'ready', 'error']),
  message: z.string(),
  detail: z.string().optional(),
});
export type DeviceStateView = z.infer<typeof deviceStateView>;

/** What a card read yields, already checked (ID number check digit; birth date and sex agree with it). */
export const cardHolderView = z.object({
  cardKind: z.enum(['resident_health', 'social_security']),
  name: z.string(),
  sex: sexCode,
  birthDate: isoDate,
  ethnicity: z.string().optional(),
  idNumber: z.string(),
  cardNumber: z.string(),
  insuranceNumber: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  /** 6-digit division of the issuing office. */
  divisionCode: z.string().optional(),
  /** The finest division the card address, its issuing office and the ID number name (省/市/县/乡镇). */
  addressDivisionCode: z.string().optional(),
  /** The card address without those division names: what goes into 详细地址. */
  addressDetail: z.string().optional(),
  /** 费别 the card suggests (a social-security card: 城乡居民医保), for the registrar to confirm. */
  suggestedFeeCategory: z.string().optional(),
});
export type CardHolderView = z.infer<typeof cardHolderView>;

/** A scanned line, sorted by what it is (electron/devices/scanner/BARCODES.md). */
export const scanView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('insurance_voucher'), insuranceNumber: z.string() }),
  z.object({ kind: z.literal('patient'), patientId: z.string() }),
  z.object({ kind: z.literal('archive_case'), caseNumber: z.string() }),
  z.object({ kind: z.literal('unknown'), text: z.string(), hint: z.string() }),
]);
export type ScanView = z.infer<typeof scanView>;

const eventBase = { seq: z.number().int().positive(), at: z.string() };

export const deviceEvent = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('card_read'), card: cardHolderView }),
  z.object({ ...eventBase, type: z.literal('card_failed'), error: deviceErrorView }),
  z.object({ ...eventBase, type: z.literal('card_removed') }),
  z.object({ ...eventBase, type: z.literal('scan'), scan: scanView }),
  z.object({ ...eventBase, type: z.literal('scan_failed'), error: deviceErrorView }),
]);
export type DeviceEvent = z.infer<typeof deviceEvent>;

export const cardReadOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('read'), card: cardHolderView }),
  z.object({ status: z.literal('failed'), error: deviceErrorView }),
]);

const configView = z.object({
  settings: deviceSettings,
  /** `environment`: CLINIC_CARD_READER / CLINIC_SCANNER were set when the program started. */
  source: z.enum(['saved', 'environment', 'none']),
  states: z.array(deviceStateView),
});

export const devicesContract = {
  'devices.listPorts': method({
    input: z.object({}).strict(),
    output: z.object({
      ports: z.array(
        z.object({
          path: z.string(),
          manufacturer: z.string().nullable(),
          serialNumber: z.string().nullable(),
          vendorId: z.string().nullable(),
          productId: z.string().nullable(),
        }),
      ),
      /** Set when the ports could not be listed (the path can still be typed). */
      error: z.string().nullable(),
    }),
    permission: 'device.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '本机串口列表',
  }),
  'devices.getConfig': method({
    input: z.object({}).strict(),
    output: configView,
    permission: 'device.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '本工作站的读卡器和扫码枪设置',
  }),
  'devices.saveConfig': method({
    input: deviceSettings,
    output: configView,
    permission: 'device.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '保存外接设备设置（只存在本机）',
  }),
  'devices.testRead': method({
    input: z.object({ kind: deviceKind, port: devicePort }).strict(),
    output: z.discriminatedUnion('outcome', [
      z.object({
        /** The reader answered; what happened with the card (if any) is told separately. */
        outcome: z.literal('reader'),
        readerVersion: z.string(),
        card: z.discriminatedUnion('state', [
          z.object({ state: z.literal('absent') }),
          z.object({ state: z.literal('read'), holder: cardHolderView }),
          z.object({ state: z.literal('failed'), error: deviceErrorView }),
        ]),
      }),
      z.object({ outcome: z.literal('scanner'), scan: scanView, encoding: z.string() }),
      z.object({ outcome: z.literal('failed'), error: deviceErrorView }),
    ]),
    permission: 'device.manage',
    requiresSetup: true,
    // A test card may be a real patient's: the administrator sees the holder's name and number.
    audit: 'read',
    summary: '试读（读卡器读一次卡，扫码枪等一次扫码）',
  }),
  'devices.readCard': method({
    input: z.object({}).strict(),
    output: cardReadOutcome,
    permission: 'patient.read',
    requiresSetup: true,
    // The card's holder is not yet a record: the lookup that follows (patients.lookupByCard) is the audited read.
    audit: 'none',
    summary: '读卡（手动）',
  }),
  'devices.events': method({
    input: z
      .object({
        /** The stream the cursor belongs to; a different one (program restarted) starts over. */
        stream: z.string().max(40).optional(),
        /** Left out: no events, just the cursor to poll from (a screen that just opened). */
        after: z.number().int().nonnegative().optional(),
      })
      .strict(),
    output: z.object({ stream: z.string(), cursor: z.number().int().nonnegative(), events: z.array(deviceEvent), states: z.array(deviceStateView) }),
    permission: 'patient.read',
    requiresSetup: true,
    // Polled every few hundred milliseconds; like readCard, the lookup of what was read is the audited read.
    audit: 'none',
    summary: '读卡、扫码事件（界面轮询）',
  }),
} as const;
