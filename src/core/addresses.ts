/**
 * The Terraform addresses a synthesized stack declares (`stackAddresses` of
 * src/terraform-json/document.ts reads them). They are the state keys of its objects: a changed
 * address is a destroyed and re-created resource unless a `moved` block says otherwise, so the
 * committed list (`addresses/<stack>.txt`) makes every rename a visible diff.
 */

/** A name written the way a person writes HCL: lower snake case, starting with a letter. */
const READABLE_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** The suffix cdktf's default id allocation appends: `_` and eight hex digits of a path hash. */
const HASH_SUFFIX = /_[0-9A-Fa-f]{8}$/;

/** Why an address's name does not read like hand-written HCL, or undefined when it does. */
export function unreadableAddressReason(address: string): string | undefined {
  const name = address.slice(address.lastIndexOf('.') + 1);
  if (HASH_SUFFIX.test(name) && /\d/.test(name.slice(-8))) return `${address} ends in a hash suffix`;
  if (!READABLE_NAME.test(name)) return `${address} is not lower snake case`;
  return undefined;
}

/** Line-by-line difference of two sorted address lists, `-` removed and `+` added. */
export function addressDiff(committed: readonly string[], current: readonly string[]): string[] {
  const before = new Set(committed);
  const after = new Set(current);
  return [...committed.filter((a) => !after.has(a)).map((a) => `- ${a}`), ...current.filter((a) => !before.has(a)).map((a) => `+ ${a}`)];
}
