export * from './platform-parameters';
