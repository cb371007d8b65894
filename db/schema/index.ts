export * from './organizations';
export * from './people';
export * from './program';
export * from './applications';
export * from './money';
export * from './audit';
export * from './counts';
export * from './search';
