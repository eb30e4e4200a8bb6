/**
 * Exhaustiveness guard for `switch` over a union (Signal's `missingCaseError`): adding a member
 * without handling it fails to compile, and a value that slipped past the types at run time
 * (an old renderer, a hand-edited file) fails loudly instead of falling through.
 */
export function missingCase(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value) ?? String(value)}`);
}
