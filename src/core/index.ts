export * from './adopt';
export * from './naming';
export * from './platform-stack';
export * from './tags';
