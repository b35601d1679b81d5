// The package's public API (`@atlas/platform-constructs`): what a tenant in another repository
// builds its stack with. Nothing environment-specific of this repository (configs, stacks)
// is exported; api/platform-constructs.api.md records this surface per version.
export { TenantService } from './constructs/service/tenant-service';
export type { EfsMount, ServiceRoute, TenantServiceProps } from './constructs/service/tenant-service';
export type { Ec2ServiceCapacity, FargateServiceCapacity, ServiceCapacity } from './constructs/service/tenant-service';
export type { MetricsEndpoint } from './constructs/service/metrics-endpoint';
export { METRICS_PATHS, scrapeTargetsName, scrapeTargetsNamespace } from './contract/scrape-targets';
export type { MetricsPath } from './contract/scrape-targets';
export { notifyTopic, recordOnly } from './constructs/service/service-alarms';
export type { AlarmAction } from './constructs/service/service-alarms';
export type { Statement } from './constructs/iam/policies';
export { PlatformParameters } from './constructs/platform/platform-parameters';
export type { PlatformParametersProps } from './constructs/platform/platform-parameters';
export { parameterName, PLATFORM_PARAMETERS } from './contract/platform-parameters';
export type { ParameterSpec, PlatformParameter } from './contract/platform-parameters';
export { LISTENER_PRIORITIES, MAX_PRIORITY, MIN_PRIORITY } from './contract/listener-priorities';
export { PlatformStack, stateKey } from './core/platform-stack';
export type { PlatformStackProps, StateBackendSettings, Tier } from './core/platform-stack';
export type { Layer, TagInputs } from './core/tags';
export { NameLimitError, Names } from './core/naming';
export { AddressError, InputError, PropsError } from './core/input-error';
export type { InputProblem } from './core/input-error';
export type { NameKind } from './core/naming';
export { acknowledge } from './core/acknowledge';
export type { Acknowledgement } from './core/acknowledge';
export { renamed } from './core/moved-block';
