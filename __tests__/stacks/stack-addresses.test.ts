import * as fs from 'fs';
import * as path from 'path';
import { addressDiff, unreadableAddressReason } from '../../src/core/addresses';
import { stackAddresses } from '../../src/terraform-json/document';
import { withSynthesizedPlatform } from '../../src/terraform-json/synth';

const addressesDir = path.resolve(__dirname, '..', '..', 'addresses');
let stacks: Record<string, string[]>;

beforeAll(() => {
  // GIVEN every stack of every environment, synthesized exactly as `npm run synth` does
  stacks = withSynthesizedPlatform({}, (synthesized) => Object.fromEntries(synthesized.map((s) => [s.name, stackAddresses(s.json)])));
});

function committed(file: string): string[] {
  return fs.readFileSync(path.join(addressesDir, file), 'utf8').split('\n').filter(Boolean);
}

describe('resource addresses of every stack', () => {
  it('read like hand-written HCL: lower snake case, no hash suffix', () => {
    const unreadable = Object.values(stacks).flat().map(unreadableAddressReason).filter(Boolean);
    expect(unreadable).toEqual([]);
  });

  it('are unique within each stack', () => {
    for (const [stack, addresses] of Object.entries(stacks)) {
      const duplicates = addresses.filter((a, i) => addresses.indexOf(a) !== i);
      expect({ stack, duplicates }).toEqual({ stack, duplicates: [] });
    }
  });

  it('match the committed list in addresses/<stack>.txt, so a rename is a visible diff', () => {
    // WHEN each stack's addresses are compared with the committed list
    const problems: string[] = [];
    const files = new Set(fs.readdirSync(addressesDir).filter((f) => f.endsWith('.txt')));
    for (const [stack, addresses] of Object.entries(stacks)) {
      const file = `${stack}.txt`;
      if (!files.delete(file)) {
        problems.push(`addresses/${file} is missing (new stack ${stack})`);
        continue;
      }
      const diff = addressDiff(committed(file), addresses);
      if (diff.length > 0) problems.push(`addresses/${file}:\n    ${diff.join('\n    ')}`);
    }
    for (const file of files) problems.push(`addresses/${file} lists a stack that is no longer synthesized`);
    // THEN nothing differs; otherwise the message shows the diff and what to do
    if (problems.length > 0) {
      throw new Error(
        `Terraform addresses changed (a changed address destroys and re-creates the resource):\n  ${problems.join('\n  ')}\n` +
          'Fix: if the rename is intended, add a moved block (renamed(stack, { from, to }), see README "Renaming a resource") ' +
          'and run `npm run addresses:update`; otherwise restore the construct id.',
      );
    }
  });
});
