// subset-font 2.x ships no types; only what this project calls is declared.
declare module 'subset-font' {
  interface SubsetOptions {
    readonly targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    /** OpenType layout features to keep; [] drops them all. */
    readonly keepFeatures?: ReadonlyArray<string>;
    readonly noLayoutClosure?: boolean;
    readonly preserveNameIds?: ReadonlyArray<number>;
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}
