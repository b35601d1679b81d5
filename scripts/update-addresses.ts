// `npm run addresses:update`: rewrites addresses/<stack>.txt from a fresh synth of every stack.
// Run it when a rename is intended, and commit the diff together with its `moved` blocks.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthToDirectory } from '../src/app/synth-to-directory';
import { stackAddresses } from '../src/core/addresses';

const root = path.resolve(__dirname, '..');
const addressesDir = path.join(root, 'addresses');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-addresses-'));
try {
  const stacks = synthToDirectory(outdir);
  fs.rmSync(addressesDir, { recursive: true, force: true });
  fs.mkdirSync(addressesDir, { recursive: true });
  for (const [stack, config] of Object.entries(stacks)) {
    const addresses = stackAddresses(config);
    fs.writeFileSync(path.join(addressesDir, `${stack}.txt`), `${addresses.join('\n')}\n`);
    console.log(`addresses/${stack}.txt: ${addresses.length} addresses`);
  }
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
