export * from './platform-parameters';
export * from './listener-priorities';
