/**
 * What the hub and the pairing PC say when something is refused, in plain Chinese, with a stable
 * code each. The hub sends the code and the message in its JSON error body (`error`, `reason`), so a
 * workstation shows the same words whether it asked the hub or found the problem itself.
 */
export const HUB_MESSAGES = {
  HUB_CODE_WRONG: '配对码不对。请核对本院主机上显示的 8 位配对码后重新输入。',
  HUB_CODE_EXPIRED: '配对码已过期（有效期 10 分钟）。请在本院主机上重新生成配对码。',
  HUB_CODE_USED: '这个配对码已经用过了，每个配对码只能用一次。请在本院主机上重新生成配对码。',
  HUB_CODE_WITHDRAWN: '配对码输错次数太多，已经作废。请在本院主机上重新生成配对码。',
  HUB_NO_CODE: '本院主机上现在没有可用的配对码。请在本院主机的「管理 → 本院主机」里生成配对码。',
  HUB_CERTIFICATE_MISMATCH: '本院主机的证书与配对时不一致，已拒绝连接。可能连到了别的电脑，请核对主机地址；如果本院主机重装过，需要重新配对。',
  HUB_FINGERPRINT_MISMATCH: '本院主机的证书指纹与您输入的不一致，已拒绝连接。请核对主机地址，并对照本院主机屏幕上的证书指纹重新输入。',
  HUB_UNREACHABLE: '连不上本院主机。请核对主机地址和端口，确认本院主机已开机、已开启本院主机功能，并且在同一局域网内。',
  HUB_NO_CREDENTIALS: '没有提供工作站账号，本院主机拒绝访问。',
  HUB_BAD_CREDENTIALS: '本院主机不认识这个工作站账号。请重新配对。',
  HUB_REVOKED: '本工作站已被本院主机停用，不能再与本院主机同步。如需恢复，请管理员在本院主机上重新配对。',
  HUB_NOT_REPLICATION: '本院主机只提供本院数据库的同步接口，不提供这项访问。',
  HUB_OTHER_DATABASE: '本院主机上没有这个数据库。',
  HUB_BODY_TOO_LARGE: '提交的内容太大，本院主机没有接收。',
  HUB_BAD_REPLY: '本院主机的回答格式不对。请确认地址指向的是本院主机。',
} as const;

export type HubMessageCode = keyof typeof HUB_MESSAGES;

/** A refusal at the hub boundary, on either side. */
export class HubError extends Error {
  constructor(
    readonly code: HubMessageCode,
    readonly detail?: string,
  ) {
    super(HUB_MESSAGES[code]);
    this.name = 'HubError';
  }
}

export function isHubMessageCode(value: unknown): value is HubMessageCode {
  return typeof value === 'string' && Object.hasOwn(HUB_MESSAGES, value);
}
