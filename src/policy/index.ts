// The policy pack for tenants (`@atlas/platform-constructs/policy`): the same rules this
// repository's synth runs, with the tenant's own waivers.
export { addPolicyCheck } from './synth-check';
export type { PolicyCheckOptions } from './synth-check';
export { PolicyError } from './report';
export type { Waiver } from './types';
