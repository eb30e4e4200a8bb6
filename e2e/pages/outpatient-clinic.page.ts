import type { InputOf } from '../../shared/api';
import { invoke, setUpClinic, TEST_CLINIC } from '../support/api';
import { openBrowser, type BrowserOptions, type BrowserSession } from '../support/browser';
import { startClinicServer, type ClinicServer } from '../support/server';
import { LoginPage } from './login.page';
import { OutpatientPage } from './outpatient.page';

/**
 * The clinic the doctor's screens are tested against: a registrar, 李医生 of department 03 with a
 * signing PIN, two drugs (one a penicillin), and a way to register a patient for today.
 */
export const REGISTRAR = { username: 'front', displayName: '赵挂号', password: 'Front2026ok' };
export const DOCTOR = { username: 'drli', displayName: '李医生', password: 'Drli2026ok' };
export const PIN = '739264';

const drug = (code: string, genericName: string, drugClass: string | null, strengthValue: number): InputOf<'drugs.save'>['drug'] => ({
  code,
  genericName,
  form: '片剂',
  strengthValue,
  strengthUnit: 'mg',
  unit: '片',
  packageSize: 24,
  packageUnit: '盒',
  drugClass,
  defaultDose: strengthValue,
  defaultDoseUnit: 'mg',
  defaultRoute: 'po',
  defaultFrequency: 'tid',
  antibioticGrade: null,
  essential: true,
  active: true,
});

export class DoctorClinic {
  private constructor(
    public server: ClinicServer,
    readonly front: string,
    readonly doctorSession: string,
  ) {}

  static async open(): Promise<DoctorClinic> {
    const server = await startClinicServer();
    await setUpClinic(server);
    const admin = (await invoke(server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword })).sessionToken;
    await invoke(server, 'admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] }, admin);
    await invoke(server, 'admin.createUser', { ...DOCTOR, roles: ['doctor'], departmentCodes: ['03'] }, admin);
    await invoke(server, 'drugs.save', { drug: drug('AMX', '阿莫西林片', '青霉素类', 250) }, admin);
    await invoke(server, 'drugs.save', { drug: drug('NFD', '硝苯地平片', null, 10) }, admin);
    const front = (await invoke(server, 'auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken;
    const doctor = (await invoke(server, 'auth.login', { username: DOCTOR.username, password: DOCTOR.password })).sessionToken;
    await invoke(server, 'signing.setPin', { pin: PIN }, doctor);
    return new DoctorClinic(server, front, doctor);
  }

  /** Registers a new patient (born 1961) for department 03 today, at the front desk. */
  async register(name: string, allergies: Array<{ substance: string }> = [], extra: Partial<InputOf<'patients.register'>['patient']> = {}) {
    const patient = await invoke(
      this.server,
      'patients.register',
      { patient: { name, sex: '2', birthDate: '1961-04-02', cards: [], allergies, ...extra }, acknowledgedDuplicates: false },
      this.front,
    );
    return invoke(this.server, 'visits.register', { patientId: patient.patient.id, departmentCode: '03', visitType: 'first', feeCategory: 'self' }, this.front);
  }

  /** A fresh browser with 李医生 logged in on 门诊. */
  async doctorAtScreen(options: BrowserOptions = {}): Promise<{ browser: BrowserSession; page: OutpatientPage }> {
    const browser = await openBrowser(options);
    const page = new OutpatientPage(browser.page);
    await browser.page.goto(this.server.url);
    await new LoginPage(browser.page).login(DOCTOR.username, DOCTOR.password);
    await page.screen().waitFor();
    return { browser, page };
  }
}
