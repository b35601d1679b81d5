import { runSynth } from './src/app/run';
import { loadEnvironments, selectedEnvironmentNames } from './src/config/load';
import { synthesizePlatform } from './src/terraform-json/synth';

runSynth(() => {
  // Every environment is validated before the first construct exists: bad input writes nothing.
  const environments = loadEnvironments(selectedEnvironmentNames(process.env));
  synthesizePlatform({ environments, policy: {} });
});
