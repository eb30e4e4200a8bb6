/** Exhaustiveness check for `switch` over a union: compiling fails when a case is forgotten. */
export function missingCase(value: never): never {
  throw new Error(`missing case: ${JSON.stringify(value)}`);
}
