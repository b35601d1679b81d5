/**
 * The pack in the synth path: an App-level validation. CDKTF runs App validations after every
 * stack's JSON is written and before the manifest, so the pack reads exactly the files operators
 * will plan, and a finding fails `cdktf synth` / `npm run synth` (no manifest is written).
 */
import * as fs from 'fs';
import * as path from 'path';
import { type App, TerraformStack } from 'cdktf';
import { PlatformStack } from '../core/platform-stack';
import { readTerraformJson, StackDocument } from '../terraform-json/document';
import { type CheckedStack, evaluate, type PackResult } from './evaluate';
import { failureMessage, PolicyError, REPORT_FILE, summaryLines, writeReport } from './report';

/**
 * Where the pack's summary goes. Findings accepted on purpose are acknowledged in the stacks
 * themselves (`acknowledge()`), next to the setting that makes the exception.
 */
export interface PolicyCheckOptions {
  /** Where synth output goes. @default process.stdout.write */
  readonly log?: (line: string) => void;
}

/** Adds the pack to `app`: it runs during `app.synth()` and throws PolicyError on findings. */
export function addPolicyCheck(app: App, options: PolicyCheckOptions = {}): void {
  app.node.addValidation({
    validate: () => {
      checkSynthesizedApp(app, options);
      return [];
    },
  });
}

/** Reads every synthesized stack of `app`, runs the pack, writes the report; throws on findings. */
export function checkSynthesizedApp(app: App, options: PolicyCheckOptions = {}): PackResult {
  const started = process.hrtime.bigint();
  const stacks: CheckedStack[] = app.node
    .findAll()
    .filter(TerraformStack.isStack)
    .map((stack) => {
      const file = path.join(app.outdir, 'stacks', stack.node.id, 'cdk.tf.json');
      // With HCL output (`synth:hcl`) there is no JSON file; the same resolved document comes from
      // the stack, with its `//` comments (the acknowledgements), which Testing.synth would drop.
      const json = fs.existsSync(file) ? readTerraformJson(file) : (JSON.parse(JSON.stringify(stack.toTerraform())) as Record<string, unknown>);
      // A stack that declares no tier is held to production, the stricter bar.
      const tier = stack instanceof PlatformStack ? stack.tier : 'production';
      return { document: new StackDocument(stack.node.id, [json]), tier };
    });
  const result = evaluate(stacks);
  writeReport(result, path.join(app.outdir, REPORT_FILE));
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  summaryLines(result, milliseconds).forEach((line) => log(line));
  const failure = failureMessage(result);
  if (failure) throw new PolicyError(`${failure}\n(report: ${path.join(app.outdir, REPORT_FILE)})`);
  return result;
}
