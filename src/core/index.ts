export * from './adopt';
export * from './naming';
export * from './platform-stack';
export * from './tags';
export * from './addresses';
export * from './moved-block';
export * from './outputs';
export * from './partition';
