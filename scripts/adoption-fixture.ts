/**
 * Synthesizes staging with every adoption option set into the directory given as argument, so the
 * Terraform tier can validate real `import` blocks (the committed config adopts nothing).
 * Usage: node -r ./scripts/swc-register.js scripts/adoption-fixture.ts <outdir> ['<adopt section as JSON>']
 * (the optional JSON replaces the placeholder zone and certificate, e.g. with IDs a mock returned).
 */
import * as fs from 'fs';
import { parseEnvironment } from '../src/config/load';
import { staging } from '../src/config/staging';
import { UsageError } from '../src/core/input-error';
import { synthesizePlatform } from '../src/terraform-json/synth';

const outdir = process.argv[2];
if (!outdir) throw new UsageError({ subject: 'adoption-fixture.ts', field: '<outdir>', value: outdir, problem: 'is not given', fix: 'pass the output directory' });
const env = parseEnvironment('staging', {
  ...staging,
  state: { ...staging.state, adoptExisting: ['bucket', 'lockTable'] },
  adopt: process.argv[3]
    ? JSON.parse(process.argv[3])
    : {
        hostedZoneId: 'Z0123456789ABCDEFGHIJ',
        certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      },
});
fs.mkdirSync(outdir, { recursive: true });
synthesizePlatform({ outdir, environments: [env] });
