/**
 * ISO/IEC 7816-4 status words (SW1 SW2), as far as reading a card's files needs them.
 * 61xx and 6Cxx are not errors but instructions to the host (fetch the rest, repeat with the right
 * length); `card-session.ts` follows them.
 */
export type StatusWord =
  | { readonly kind: 'ok' }
  /** 61xx: xx more bytes wait for GET RESPONSE (00 means 256). */
  | { readonly kind: 'more_data'; readonly available: number }
  /** 6Cxx: repeat the command with Le = xx (00 means 256). */
  | { readonly kind: 'wrong_le'; readonly exactLength: number }
  /** 62xx, 63xx: done, with a warning (for READ BINARY, 6282 means the file ended early). */
  | { readonly kind: 'warning'; readonly sw: number }
  | { readonly kind: 'error'; readonly sw: number };

const MEANINGS: Readonly<Record<number, string>> = {
  0x9000: '正常结束',
  0x6281: '返回的数据可能有误',
  0x6282: '读到文件末尾，数据少于请求长度',
  0x6581: '卡片存储器故障',
  0x6700: '长度错误',
  0x6982: '安全状态不满足',
  0x6983: '认证方法已锁定',
  0x6985: '使用条件不满足',
  0x6986: '不满足命令执行条件（没有选中文件）',
  0x6a81: '功能不支持',
  0x6a82: '文件未找到',
  0x6a86: '参数 P1、P2 不正确',
  0x6b00: '参数错误（偏移量超出文件范围）',
  0x6d00: '指令代码不支持',
  0x6e00: '指令类别不支持',
  0x6f00: '卡片内部错误',
};

export const SW_OK = 0x9000;
export const SW_FILE_NOT_FOUND = 0x6a82;
export const SW_END_OF_FILE = 0x6282;
export const SW_OFFSET_OUT_OF_RANGE = 0x6b00;

export function classifyStatusWord(sw: number): StatusWord {
  const sw1 = sw >> 8;
  const sw2 = sw & 0xff;
  if (sw === SW_OK) return { kind: 'ok' };
  if (sw1 === 0x61) return { kind: 'more_data', available: sw2 === 0 ? 256 : sw2 };
  if (sw1 === 0x6c) return { kind: 'wrong_le', exactLength: sw2 === 0 ? 256 : sw2 };
  if (sw1 === 0x62 || sw1 === 0x63) return { kind: 'warning', sw };
  return { kind: 'error', sw };
}

/** "6A82 文件未找到": for logs and the detail line under an error, never the whole message. */
export function describeStatusWord(sw: number): string {
  const code = sw.toString(16).toUpperCase().padStart(4, '0');
  const sw1 = sw >> 8;
  const meaning = MEANINGS[sw] ?? (sw1 === 0x61 ? '还有数据待取（GET RESPONSE）' : sw1 === 0x6c ? '期望长度不对，应按卡片给出的长度重发' : '未知状态');
  return `${code} ${meaning}`;
}
