/**
 * The clinic's time zone for everything the screens show: a PC left on UTC (or any other zone) still
 * shows the times the clinic lives by and the slip prints (shared/time/clinic-time.ts).
 */
import { createContext, useContext } from 'react';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../../shared/time/clinic-time';

export const ClinicZoneContext = createContext<string>(DEFAULT_CLINIC_TIME_ZONE);

/** The clinic's IANA zone (Asia/Shanghai unless the clinic set another in the setup wizard). */
export function useClinicZone(): string {
  return useContext(ClinicZoneContext);
}
