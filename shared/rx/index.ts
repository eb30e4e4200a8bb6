export * from './types';
export { computeQuantity, itemPackages, unitsPerDose, type ComputedQuantity } from './quantity';
export { MAX_DAYS, blockingFindings, checkPrescription } from './checks';
