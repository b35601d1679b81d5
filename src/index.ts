export * from './config';
export * from './contract';
export * from './core';
export * from './constructs/iam/policies';
export * from './constructs/platform/platform-parameters';
export * from './constructs/service/tenant-service';
export * from './constructs/service/service-alarms';
export * from './constructs/secrets/runtime-config-secret';
