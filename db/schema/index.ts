/** Every table in the clinic database. drizzle-kit reads this file to generate migrations. */
export * from './store';
export * from './clinic';
export * from './departments';
export * from './users';
export * from './patients';
export * from './patient-search';
export * from './encounters';
export * from './audit';
export * from './rejected';
export * from './outpatient';
export * from './icd';
export * from './drugs';
export * from './signing';
export * from './archive';
export * from './copies';
