import { Testing } from 'cdktf';
import { loadEnvironment } from '../../src/config/load';
import { MonitoringStack } from '../../stacks/monitoring-stack';
import { synthJson } from '../helpers/synth';

// A regression net, not the specification (monitoring-stack.test.ts is): a changed address,
// generated configuration file or value shows up here for review. Update with `npx jest -u`.
describe.each(['staging', 'prod'])('monitoring-%s synthesized configuration', (name) => {
  test('matches the reviewed snapshot', () => {
    const env = loadEnvironment(name);
    expect(synthJson(new MonitoringStack(Testing.app(), `monitoring-${name}`, { env }))).toMatchSnapshot();
  });
});
