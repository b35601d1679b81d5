// `npm run addresses:update`: rewrites addresses/<stack>.txt from a fresh synth of every stack.
// Run it when a rename is intended, and commit the diff together with its `moved` blocks.
import * as fs from 'fs';
import * as path from 'path';
import { stackAddresses } from '../src/terraform-json/document';
import { withSynthesizedPlatform } from '../src/terraform-json/synth';

const root = path.resolve(__dirname, '..');
const addressesDir = path.join(root, 'addresses');
withSynthesizedPlatform({}, (stacks) => {
  fs.rmSync(addressesDir, { recursive: true, force: true });
  fs.mkdirSync(addressesDir, { recursive: true });
  for (const stack of stacks) {
    const addresses = stackAddresses(stack.json);
    fs.writeFileSync(path.join(addressesDir, `${stack.name}.txt`), `${addresses.join('\n')}\n`);
    console.log(`addresses/${stack.name}.txt: ${addresses.length} addresses`);
  }
});
