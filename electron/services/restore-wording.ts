/**
 * What a failed restore says, for the state the PC is in. The sync messages speak of a clinic whose
 * data is safe on this PC and of the 同步设置 screen; a PC being restored has neither yet: it has
 * nothing (the address may simply be mistyped), or the part of the record downloaded so far, which a
 * retry continues from.
 */

/** The cause, naming what was just typed on the restore form (the county's restore; a hub join has its own). */
export const COUNTY_RESTORE_WORDING: Readonly<Record<string, string>> = {
  SYNC_AUTH_FAILED: '县级服务器不接受这个同步账号和密码。请核对机构编码和同步密码（区分大小写），或请县里重新发放。',
  SYNC_FORBIDDEN: '这个同步账号不能读取本院的县级数据库。请核对机构编码，或请县里检查账号权限。',
  SYNC_DATABASE_MISSING: '县级服务器上没有这个机构编码的数据库。请核对机构编码和服务器地址。',
  SYNC_HOST_UNREACHABLE: '连不上县级服务器：服务器地址可能填错了（请核对 https://、域名和端口号），或这台电脑没有联网、县级服务器没有开机。',
  SYNC_DNS_FAILED: '找不到这个县级服务器地址（域名解析失败）。请核对地址的拼写，并检查这台电脑的网络。',
  SYNC_CONNECTION_LOST: '与县级服务器的连接中途断开了。',
  SYNC_TIMEOUT: '县级服务器长时间没有响应（网络太慢或中断）。',
  SYNC_CERTIFICATE: '县级服务器的安全证书有问题（过期、不受信任或与地址不符），为安全起见已停止。请核对地址，或联系县级平台管理员。',
  SYNC_SERVER_ERROR: '县级服务器内部出错。如果一直出现，请联系县级平台管理员。',
  SYNC_BAD_RESPONSE: '县级服务器返回了无法识别的数据（可能被网络设备截断）。',
  SYNC_UNKNOWN: '恢复时出现未知错误。如果一直出现，请把出错时间告诉县级平台管理员。',
};

/** What this PC holds now, so nobody believes a record is safe here when nothing has arrived. */
export function stateOfThisPc(docsDone: number): string {
  return docsDone === 0
    ? '这台电脑上还没有本院的任何数据；改好填写的内容或等网络通了，再开始即可。'
    : `已下载的 ${docsDone.toLocaleString('zh-CN')} 份文档保留在这台电脑上，重试时接着下载，不会重复。`;
}

/**
 * The message of a failed restore: its cause in the source's words, then (where the source says it)
 * what this PC holds; a cause the source has no words for keeps the sync's own message.
 */
export function restoreFailureMessage(
  source: { readonly wording: Readonly<Record<string, string>>; readonly holding?: (docsDone: number) => string },
  code: string,
  message: string,
  docsDone: number,
): string {
  const cause = source.wording[code];
  return cause === undefined ? message : `${cause}${source.holding?.(docsDone) ?? ''}`;
}
