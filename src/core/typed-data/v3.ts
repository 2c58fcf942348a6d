// eth_signTypedData_v3 is EIP-712 as wallets first shipped it: structs of atomic values and of other
// structs, with no arrays and, lacking a way to end a chain, no struct that contains itself; v4 added
// both (MetaMask's v3 encoder throws "Arrays are unimplemented in encodeData; use V4 extension"). Where
// v3 is defined it gives the same digest as v4, so the wallet signs it with the same encoder; typed data
// that uses what only v4 defines is refused, since a page asking for v3 would compute another digest or
// none, and the user would sign something the page cannot check.
import { parseType } from './schema';
import { TypedDataError, type TypedDataTypes } from './types';

/**
 * A struct that contains itself, as the way round (`A → B → A`), or undefined if none does. Depth-first
 * with each struct finished once, so the time grows with the number of fields, whatever a page sends.
 */
function findCycle(types: TypedDataTypes): string[] | undefined {
  const finished = new Set<string>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const open = stack.indexOf(name);
    if (open >= 0) return [...stack.slice(open), name];
    if (finished.has(name)) return undefined;
    stack.push(name);
    for (const field of types[name] ?? []) {
      const { base } = parseType(field.type, `types.${name}`);
      const cycle = Object.hasOwn(types, base) ? visit(base) : undefined;
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    finished.add(name);
    return undefined;
  };
  for (const name of Object.keys(types)) {
    const cycle = visit(name);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/**
 * Checks that shape-checked `types` use only what eth_signTypedData_v3 defines.
 * @throws TypedDataError naming the array field or the struct that contains itself.
 */
export function checkV3Types(types: TypedDataTypes): void {
  for (const [name, fields] of Object.entries(types)) {
    fields.forEach((field, i) => {
      if (parseType(field.type, `types.${name}[${i}]`).dimensions.length > 0) {
        throw new TypedDataError(`types.${name}[${i}]`, `"${field.type}" is an array, which eth_signTypedData_v3 does not define; use eth_signTypedData_v4`);
      }
    });
  }
  const cycle = findCycle(types);
  if (cycle?.[0] !== undefined) {
    throw new TypedDataError(`types.${cycle[0]}`, `${cycle[0]} contains itself (${cycle.join(' → ')}), which eth_signTypedData_v3 does not define; use eth_signTypedData_v4`);
  }
}
