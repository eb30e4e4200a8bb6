/**
 * Stable error codes for everything the devices can go wrong with, each with the sentence the
 * registrar sees. Codes cross to the renderer as data (`DeviceResult`), following the project's
 * `{ ok, value } | { ok: false, error }` convention; the Chinese text lives only here.
 */
export const DEVICE_ERROR_MESSAGES = {
  reader_not_configured: '尚未设置读卡器，请在“设置 → 外接设备”中选择读卡器所在的串口',
  reader_disconnected: '读卡器已断开，请检查连线；重新插上后会自动连接',
  reader_timeout: '读卡器无响应，请检查读卡器的电源和连线后重试',
  reader_comm_error: '与读卡器通讯时数据出错，请重试；多次出现请检查连线',
  reader_rejected: '读卡器不支持该操作，请确认读卡器型号与设置一致',
  reader_busy: '读卡器正在读卡，请稍候',
  card_absent: '未检测到卡片，请将卡片芯片朝上插入读卡器',
  card_unresponsive: '卡片无应答，请取出卡片，擦拭芯片后重新插入',
  card_removed: '读卡过程中卡片被拔出，请重新插卡',
  card_unsupported: '无法识别的卡片，请使用居民健康卡或社保卡，或手工登记',
  card_read_failed: '读取卡片文件失败，请重新插卡后再试',
  card_data_invalid: '卡内信息不完整或格式有误，请核对证件后手工登记',
  card_name_invalid: '卡内姓名缺失或无法识别，请核对证件后手工登记',
  card_id_number_invalid: '卡内身份证号无效（位数或校验位不符），请核对身份证后手工登记',
  card_birth_date_invalid: '卡内出生日期无效或与身份证号不一致，请核对证件后手工登记',
  card_sex_invalid: '卡内性别无效或与身份证号不一致，请核对证件后手工登记',
  card_number_invalid: '卡号缺失或格式有误，请手工登记',
  scanner_not_configured: '尚未设置扫码枪，请在“设置 → 外接设备”中选择扫码枪所在的串口',
  scanner_disconnected: '扫码枪已断开，请检查连线；重新插上后会自动连接',
  scanner_no_scan: '没有收到扫码数据，请在提示时间内扫描任意条码',
  scan_too_long: '扫码内容过长，已忽略，请重新扫码',
  scan_undecodable: '扫码内容无法识别（文字编码不对），请重新扫码',
  port_not_found: '找不到该串口，请检查设备连线，或在设置中重新选择串口；稍后会自动重试',
  port_permission_denied: '没有权限打开该串口，请联系管理员设置串口权限',
  port_busy: '该串口被其他程序占用，请关闭占用它的程序；稍后会自动重试',
  port_open_failed: '无法打开该串口；稍后会自动重试',
  port_closed: '串口已关闭，设备可能已被拔出',
} as const;

export type DeviceErrorCode = keyof typeof DEVICE_ERROR_MESSAGES;

export interface DeviceErrorInfo {
  readonly code: DeviceErrorCode;
  /** Simplified Chinese, for the registrar. */
  readonly message: string;
  /** Technical detail for logs and the settings screen (status words, errno); never shown alone. */
  readonly detail?: string;
}

export type DeviceResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeviceErrorInfo };

export class DeviceError extends Error {
  readonly code: DeviceErrorCode;
  readonly detail: string | undefined;

  constructor(code: DeviceErrorCode, detail?: string) {
    super(DEVICE_ERROR_MESSAGES[code]);
    this.name = 'DeviceError';
    this.code = code;
    this.detail = detail;
  }

  toInfo(): DeviceErrorInfo {
    return this.detail === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, detail: this.detail };
  }
}

export function deviceErrorInfo(code: DeviceErrorCode, detail?: string): DeviceErrorInfo {
  return new DeviceError(code, detail).toInfo();
}

/**
 * Turns anything thrown below the device boundary into an error the UI can show. Unexpected
 * exceptions (bugs) still become a message rather than a crash, but keep their text as detail.
 */
export function toDeviceErrorInfo(error: unknown, fallback: DeviceErrorCode): DeviceErrorInfo {
  if (error instanceof DeviceError) return error.toInfo();
  const detail = error instanceof Error ? error.message : String(error);
  return deviceErrorInfo(fallback, detail);
}
