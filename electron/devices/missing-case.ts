/** Exhaustiveness guard for `switch` statements: adding a union member without handling it fails to compile. */
export function missingCase(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
