import type { AppContext } from './context';
import { codeSets, divisionChildren, doctors, feeCategories } from '../services/reference/clinic-reference';
import type { Router } from './router';

export function registerClinic(router: Router, app: AppContext): void {
  router
    .implement('clinic.feeCategories', () => feeCategories(app.data))
    .implement('clinic.codeSets', () => codeSets(app.data))
    .implement('clinic.divisions', (input) => divisionChildren(app.data, input.parentCode))
    .implement('clinic.doctors', (input) => doctors(app.data, input.departmentCode));
}
