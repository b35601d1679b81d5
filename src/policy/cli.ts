/**
 * `npm run policy -- <dir> [--tier <tier> | --tier <stack>=<tier>]... [--no-acknowledgements] [--report <file>]`
 * (or `--rules-table` / `--coverage-table` for the README's tables):
 * the pack over any directory of Terraform (HCL `*.tf` or JSON `*.tf.json`), this app's or not. A stack's tier comes from
 * `--tier <stack>=<tier>`, else `--tier <tier>`, else the policy report a synth left in `<dir>`,
 * else production (the stricter bar). Acknowledgements are read from the stacks' JSON (`//` keys);
 * `--no-acknowledgements` ignores them and lists every finding.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError, UsageError } from '../core/input-error';
import { evaluate } from './evaluate';
import { loadStacks } from './load-dir';
import { coverageTable } from './coverage';
import { RULES } from './pack';
import { failureMessage, REPORT_FILE, rulesTable, summaryLines, writeReport } from './report';
import { type Tier, TIERS } from '../core/protection';

interface Options {
  readonly target: string;
  readonly defaultTier?: Tier;
  readonly stackTiers: Record<string, Tier>;
  readonly acknowledgements: boolean;
  readonly report?: string;
}

function parseArgs(args: readonly string[]): Options {
  const stackTiers: Record<string, Tier> = {};
  let target: string | undefined;
  let defaultTier: Tier | undefined;
  let acknowledgements = true;
  let report: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--no-acknowledgements') acknowledgements = false;
    else if (arg === '--report') report = args[++i];
    else if (arg === '--tier') {
      const value = args[++i] ?? '';
      const [stack, tier] = value.includes('=') ? value.split('=', 2) : [undefined, value];
      if (!(TIERS as readonly string[]).includes(tier)) {
        throw new UsageError({ field: '--tier', value, problem: 'is not a tier', fix: '--tier production, --tier non-production or --tier <stack>=<tier>' });
      }
      if (stack) stackTiers[stack] = tier as Tier;
      else defaultTier = tier as Tier;
    } else if (arg.startsWith('--')) throw new UsageError({ field: 'option', value: arg, problem: 'is not an option of the pack', fix: 'use --tier, --no-acknowledgements or --report' });
    else target = arg;
  }
  if (!target) throw new UsageError({ field: 'dir', value: target, problem: 'is not given', fix: 'npm run policy -- <dir of Terraform (*.tf, *.tf.json)> [--tier non-production]' });
  return { target, defaultTier, stackTiers, acknowledgements, report };
}

/** Tiers a synth recorded in `<dir>/policy-report.json`, if it is there. */
function recordedTiers(target: string): Record<string, Tier> {
  const file = path.join(target, REPORT_FILE);
  if (!fs.existsSync(file)) return {};
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { stacks?: { name: string; tier: Tier }[] };
  return Object.fromEntries((report.stacks ?? []).map((s) => [s.name, s.tier]));
}

export async function main(args: readonly string[], log: (line: string) => void): Promise<number> {
  if (args.includes('--rules-table')) return (log(rulesTable(RULES)), 0);
  if (args.includes('--coverage-table')) return (log(coverageTable(RULES)), 0);
  const options = parseArgs(args);
  const recorded = recordedTiers(options.target);
  const stacks = (await loadStacks(options.target)).map((document) => ({
    document,
    tier: options.stackTiers[document.name] ?? options.defaultTier ?? recorded[document.name] ?? 'production',
  }));
  const started = process.hrtime.bigint();
  const result = evaluate(stacks, { acknowledgements: options.acknowledgements });
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  stacks.forEach((s) => log(`policy: ${s.document.name} checked as ${s.tier}`));
  summaryLines(result, milliseconds).forEach(log);
  if (options.report) writeReport(result, options.report);
  const failure = failureMessage(result);
  if (failure) log(failure);
  return failure ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
    // The WASM parser keeps the event loop alive: exit once the report is out.
    (code) => process.exit(code),
    (error: Error) => {
      // Bad arguments or files print their message; anything else is a bug and keeps its trace.
      process.stderr.write(`${error instanceof InputError ? error.message : (error.stack ?? error.message)}\n`);
      process.exit(2);
    },
  );
}
