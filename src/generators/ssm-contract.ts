/** The SSM contract between stacks as the synthesized JSON states it: who writes and who reads which parameter. */
import type { TerraformJson } from '../terraform-json/document';
import type { CatalogStack } from './stack-catalog';

/** Names of the SSM parameters a stack writes (`resource`) or reads (`data`), sorted. */
export function ssmNames(json: TerraformJson, kind: 'resource' | 'data'): string[] {
  const blocks = (kind === 'resource' ? json.resource : json.data)?.aws_ssm_parameter ?? {};
  return Object.values(blocks)
    .map((body) => body.name)
    .filter((name): name is string => typeof name === 'string')
    .sort();
}

/**
 * One row per parameter key: each environment writes the same keys under its own prefix. A read
 * that no stack writes (outside AWS's public `/aws/` parameters) is flagged: it would fail at plan.
 */
export function contractTable(stacks: readonly CatalogStack[]): string {
  const written = new Map<string, string>();
  for (const s of stacks) ssmNames(s.json, 'resource').forEach((name) => written.set(name, s.name));
  const rows = new Map<string, { writers: Set<string>; readers: Set<string> }>();
  const row = (key: string) => rows.get(key) ?? rows.set(key, { writers: new Set(), readers: new Set() }).get(key)!;
  const keyOf = (name: string) => name.slice(name.lastIndexOf('/') + 1);
  for (const s of stacks) {
    ssmNames(s.json, 'resource').forEach((name) => row(keyOf(name)).writers.add(s.name));
    ssmNames(s.json, 'data').forEach((name) => {
      const external = name.startsWith('/aws/');
      const unmatched = !external && !written.has(name) ? ` ⚠ reads \`${name}\`, which no stack writes` : '';
      row(external ? name : keyOf(name)).readers.add(`${s.name}${unmatched}`);
    });
  }
  const prefixes = stacks
    .map((s) => [s.name, [...new Set(ssmNames(s.json, 'resource').map((n) => n.slice(0, n.lastIndexOf('/') + 1)))]] as const)
    .filter(([, list]) => list.length > 0)
    .map(([name, list]) => `\`${name}\` writes under ${list.map((p) => `\`${p}\``).join(', ')}`);
  const lines = [prefixes.length > 0 ? `Prefixes: ${prefixes.join('; ')}.\n` : 'No stack writes SSM parameters.\n', '| parameter | written by | read by |', '|---|---|---|'];
  for (const [key, { writers, readers }] of [...rows.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`| \`${key}\` | ${[...writers].join(', ') || (key.startsWith('/aws/') ? '(AWS public parameter)' : '(none)')} | ${[...readers].join(', ') || '—'} |`);
  }
  return lines.join('\n');
}
