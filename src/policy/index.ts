// The policy pack for tenants (`@atlas/platform-constructs/policy`): the same rules this
// repository's synth runs; a tenant acknowledges its exceptions in its stacks (`acknowledge`).
export { addPolicyCheck } from './synth-check';
export type { PolicyCheckOptions } from './synth-check';
export { PolicyError } from './report';
// Acknowledgements are made in the stacks: `acknowledge` comes from the main entry point.
