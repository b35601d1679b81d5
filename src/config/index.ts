export * from './cidr';
export * from './load';
export * from './rules';
export * from './schema';
export * from './secrets';
