import { Testing } from 'cdktf';
import { loadEnvironment } from '../../src/config/load';
import { AtlasStack } from '../../stacks/atlas-stack';
import { synthJson } from '../helpers/synth';

// A regression net, not the specification (atlas-stack.test.ts is): a changed address or value
// shows up here for review. Update with `npx jest -u` when the change is intended.
describe.each(['staging', 'prod'])('atlas-%s synthesized configuration', (name) => {
  test('matches the reviewed snapshot', () => {
    const env = loadEnvironment(name);
    expect(synthJson(new AtlasStack(Testing.app(), `atlas-${name}`, { env }))).toMatchSnapshot();
  });
});
