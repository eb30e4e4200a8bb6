/**
 * A small reader of PDF content streams (ISO 32000-1 §7.8.2, §9.4): operands and operators in
 * order, with strings as their bytes. Enough to find what a page draws as text (`Tj`, `TJ`, `'`,
 * `"`), which font it uses (`Tf`) and which XObjects it paints (`Do`). Inline images (`BI … EI`)
 * are skipped whole.
 */

export type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'string'; bytes: Uint8Array }
  | { kind: 'array'; items: Operand[] }
  | { kind: 'other' };

export interface Operation {
  readonly operator: string;
  readonly operands: ReadonlyArray<Operand>;
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set(Array.from('()<>[]{}/%').map((c) => c.charCodeAt(0)));

class Reader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  skipSpace(): void {
    while (this.at < this.bytes.length) {
      const b = this.bytes[this.at];
      if (WHITE.has(b)) this.at += 1;
      else if (b === 0x25) while (this.at < this.bytes.length && this.bytes[this.at] !== 0x0a && this.bytes[this.at] !== 0x0d) this.at += 1;
      else return;
    }
  }

  regular(): string {
    const start = this.at;
    while (this.at < this.bytes.length && !WHITE.has(this.bytes[this.at]) && !DELIMITERS.has(this.bytes[this.at])) this.at += 1;
    return Buffer.from(this.bytes.subarray(start, this.at)).toString('latin1');
  }

  literal(): Uint8Array {
    const out: number[] = [];
    let depth = 1;
    this.at += 1;
    while (this.at < this.bytes.length) {
      const b = this.bytes[this.at++];
      if (b === 0x5c) {
        const next = this.bytes[this.at++];
        const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
        if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30;
          for (let i = 0; i < 2 && this.bytes[this.at] >= 0x30 && this.bytes[this.at] <= 0x37; i += 1) octal = octal * 8 + (this.bytes[this.at++] - 0x30);
          out.push(octal & 0xff);
        } else if (next === 0x0a || next === 0x0d) {
          if (next === 0x0d && this.bytes[this.at] === 0x0a) this.at += 1;
        } else out.push(escapes[next] ?? next);
        continue;
      }
      if (b === 0x28) depth += 1;
      if (b === 0x29 && --depth === 0) break;
      out.push(b);
    }
    return Uint8Array.from(out);
  }

  hex(): Uint8Array {
    this.at += 1;
    let digits = '';
    while (this.at < this.bytes.length && this.bytes[this.at] !== 0x3e) {
      const c = String.fromCharCode(this.bytes[this.at++]);
      if (/[0-9a-fA-F]/.test(c)) digits += c;
    }
    this.at += 1;
    if (digits.length % 2 === 1) digits += '0';
    return Uint8Array.from(Buffer.from(digits, 'hex'));
  }

  /** One operand, or an operator name (returned as `{ operator }`), or null at the end. */
  next(): Operand | { operator: string } | null {
    this.skipSpace();
    if (this.at >= this.bytes.length) return null;
    const b = this.bytes[this.at];
    if (b === 0x28) return { kind: 'string', bytes: this.literal() };
    if (b === 0x3c && this.bytes[this.at + 1] === 0x3c) return this.dictionary();
    if (b === 0x3c) return { kind: 'string', bytes: this.hex() };
    if (b === 0x2f) {
      this.at += 1;
      return { kind: 'name', value: this.regular() };
    }
    if (b === 0x5b) {
      this.at += 1;
      const items: Operand[] = [];
      for (;;) {
        this.skipSpace();
        if (this.at >= this.bytes.length || this.bytes[this.at] === 0x5d) break;
        const item = this.next();
        if (item === null || 'operator' in item) break;
        items.push(item);
      }
      this.at += 1;
      return { kind: 'array', items };
    }
    if (b === 0x5d || b === 0x3e || b === 0x7b || b === 0x7d || b === 0x29) {
      this.at += 1;
      return { kind: 'other' };
    }
    const word = this.regular();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { kind: 'number', value: Number(word) };
    return { operator: word };
  }

  /** A dictionary operand (marked content properties): skipped, nested ones included. */
  dictionary(): Operand {
    let depth = 0;
    while (this.at < this.bytes.length) {
      if (this.bytes[this.at] === 0x3c && this.bytes[this.at + 1] === 0x3c) {
        depth += 1;
        this.at += 2;
      } else if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
        depth -= 1;
        this.at += 2;
        if (depth === 0) break;
      } else if (this.bytes[this.at] === 0x28) this.literal();
      else this.at += 1;
    }
    return { kind: 'other' };
  }

  /** After `ID`: the image data up to whitespace + `EI` + whitespace. */
  skipInlineImage(): void {
    while (this.at < this.bytes.length - 2) {
      if (WHITE.has(this.bytes[this.at]) && this.bytes[this.at + 1] === 0x45 && this.bytes[this.at + 2] === 0x49) {
        this.at += 3;
        return;
      }
      this.at += 1;
    }
    this.at = this.bytes.length;
  }
}

export function contentOperations(bytes: Uint8Array): Operation[] {
  const reader = new Reader(bytes);
  const operations: Operation[] = [];
  let operands: Operand[] = [];
  for (let token = reader.next(); token !== null; token = reader.next()) {
    if (!('operator' in token)) {
      operands.push(token);
      continue;
    }
    if (token.operator === 'ID') reader.skipInlineImage();
    operations.push({ operator: token.operator, operands });
    operands = [];
  }
  return operations;
}
