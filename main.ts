import { App } from 'cdktf';
import { addPlatformStacks } from './src/app/platform-app';
import { runSynth } from './src/app/run';
import { loadEnvironments, selectedEnvironmentNames } from './src/config/load';
import { addPolicyCheck } from './src/policy/synth-check';

runSynth(() => {
  // Every environment is validated before the first construct exists: bad input writes nothing.
  const environments = loadEnvironments(selectedEnvironmentNames(process.env));
  const app = new App();
  addPlatformStacks(app, environments);
  addPolicyCheck(app);
  app.synth();
});
