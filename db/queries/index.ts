/** Read queries (and the two local writes: meta, counters) that services call. */
export * from './audit';
export * from './clinic';
export * from './counters';
export * from './departments';
export * from './documents';
export * from './encounters';
export * from './meta';
export * from './patients';
export * from './users';
export * from './patient-search';
