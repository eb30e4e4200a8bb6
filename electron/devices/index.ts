/**
 * Public surface of the devices module, for the app's services and IPC handlers. Everything else in
 * this folder is internal (drivers, codecs, simulator parts).
 */
export { DeviceManager, type DeviceManagerOptions } from './device-manager';
export { deviceConfig, deviceConfigList, BAUD_RATES, type DeviceConfig, type DeviceKind } from './device-config';
export type { DeviceState, DeviceStatus } from './device-state';
export { DEVICE_ERROR_MESSAGES, type DeviceErrorCode, type DeviceErrorInfo, type DeviceResult } from './errors';
export { cardHolderSchema, type CardHolder } from './card-reader/card-holder';
export type { CardSlot } from './card-reader/reader-session';
export type { ScannerEvent } from './scanner/scanner-driver';
export type { Scan, ScanKind } from './scanner/classify-scan';
export { archiveCaseBarcode, insuranceVoucherPayload, patientBarcode } from './scanner/barcode-formats';
export type { TestReadOptions, TestReadReport } from './test-read';
export { listSerialPorts, type SerialPortInfo } from './port/serial-byte-port';
