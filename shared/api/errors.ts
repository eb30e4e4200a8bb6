/**
 * Errors cross every boundary as data with a stable code and a Chinese message for the user.
 * Codes never change meaning once shipped: the renderer and logs key on them.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改后再试。',
  UNAUTHENTICATED: '请先登录。',
  SESSION_EXPIRED: '登录已过期，请重新登录。',
  FORBIDDEN: '您的账号没有这项操作的权限，请联系系统管理员。',
  NOT_FOUND: '没有找到这条记录，可能已被删除或合并。',
  CONFLICT: '这条记录刚被别人修改过，请刷新后再改。',
  ALREADY_SET_UP: '本机已经完成初始设置，不能重复设置。',
  NOT_SET_UP: '本机还没有完成初始设置，请先完成设置向导。',
  BAD_CREDENTIALS: '登录名或密码不对，请重新输入。',
  ACCOUNT_DISABLED: '该账号已停用，请联系系统管理员。',
  DUPLICATE: '已经存在相同编码的记录，请换一个编码。',
  UNKNOWN_METHOD: '程序版本不一致：界面调用了不存在的功能，请重新启动程序。',
  BAD_REQUEST: '请求格式不对，请重新启动程序后再试。',
  PAYLOAD_TOO_LARGE: '提交的内容太大（上限 4 MB），没有保存。请减少内容后再试。',
  BAD_ENCODING: '提交的内容含有无法识别的字符（不是 UTF-8 编码），没有保存。请检查输入法或导入的文件后再试。',
  TRANSPORT: '与后台程序的连接中断，请稍候再试；如果一直出现，请重新启动程序。',
  NO_SIGNING_KEY: '您在本机还没有设置签名 PIN，请先在“我的签名 PIN”里设置，再签名。',
  WRONG_PIN: '签名 PIN 不对，请重新输入。',
  SIGNING_LOCKED: '签名 PIN 连续输错 5 次，本机已暂停您的签名，请稍后再试。',
  INTERNAL: '程序内部出错，您的数据没有丢失。请把出错时间告诉管理员。',
  HUB_REFUSED: '本院主机拒绝了这次连接，本机没有做任何改动。',
  HUB_UNREACHABLE: '连不上本院主机。请核对主机地址和端口，确认本院主机已开机并在同一局域网内。',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `admin.password`. */
  readonly path: string;
  readonly message: string;
}

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields?: ReadonlyArray<FieldIssue>;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function apiError(code: ErrorCode, message?: string, fields?: ReadonlyArray<FieldIssue>): ApiError {
  return fields && fields.length > 0 ? { code, message: message ?? ERROR_MESSAGES[code], fields } : { code, message: message ?? ERROR_MESSAGES[code] };
}

/** Thrown by service code to end a call with a specific, expected error. */
export class ApiFailure extends Error {
  readonly error: ApiError;
  constructor(code: ErrorCode, message?: string, fields?: ReadonlyArray<FieldIssue>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'ApiFailure';
    this.error = apiError(code, message, fields);
  }
}
