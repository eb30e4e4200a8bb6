import { describe, expect, it } from 'vitest';
import type { ApiError, PatientDetail, VisitView } from '../../../../shared/api';
import { draftFromSearch, EMPTY_PATIENT_DRAFT } from './patient-draft';
import type { PatientSummary } from './patient-summary';
import { INITIAL_REGISTRATION, planRegistration, registrationReducer, type RegistrationEvent, type RegistrationState } from './registration-state';
import { REG_TEXT } from './text';

const TODAY = '2026-12-03';
const FEE = 'self';

const summary: PatientSummary = {
  id: 'patient:01JDT000000000000000000001',
  name: '陈德明',
  sexLabel: '男',
  ageText: '73岁',
  idNumberMasked: null,
  phoneMasked: null,
  lastVisit: { date: '2026-11-20', departmentName: '内科', departmentCode: '03' },
};

const detail = (id: string, feeCategory: string | null): PatientDetail => ({
  id,
  rev: '2-00000000000000000000000000000000',
  form: { name: '陈德明', sex: '1', birthDate: '1952-11-03', cards: [], allergies: [], ...(feeCategory ? { insurance: { feeCategory } } : {}) },
  age: 73,
  ageText: '73岁',
  idNumberMasked: null,
  mergedInto: null,
  mergedFrom: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  visits: [],
});

const registeredVisit: VisitView = {
  id: 'encounter:01JDT000000000000000000009',
  rev: '1-00000000000000000000000000000000',
  visitNumber: 'W01-20261203-0001',
  visitDate: TODAY,
  registeredAt: `${TODAY}T08:00:00+08:00`,
  patient: { id: summary.id, name: summary.name, sexLabel: '男', ageText: '73岁', idNumberMasked: null },
  department: { code: '03', name: '内科' },
  doctor: null,
  visitType: 'return',
  visitTypeLabel: '复诊',
  feeCategory: { code: FEE, name: '自费' },
  status: 'waiting',
  statusLabel: '候诊',
  queueNumber: 1,
  queueLabel: '1',
  queuePosition: 1,
  cancelReason: null,
};

const failure: ApiError = { code: 'VALIDATION_FAILED', message: '请选择科室', fields: [{ path: 'departmentCode', message: '请选择科室' }] };

const run = (...events: RegistrationEvent[]): RegistrationState => events.reduce(registrationReducer, INITIAL_REGISTRATION);
const chosen = (): RegistrationEvent => ({ type: 'patientChosen', summary, detail: null, fallbackFee: FEE });

describe('the front desk’s state', () => {
  it('starts empty, the cursor bound for the search box', () => {
    expect(INITIAL_REGISTRATION.subject.kind).toBe('none');
    expect(INITIAL_REGISTRATION.focusNext).toBe('search');
    expect(run({ type: 'focused' }).focusNext).toBeNull();
  });

  it('chooses a returning patient: search cleared, 复诊 to the last department, cursor to the department', () => {
    const state = run({ type: 'queryTyped', text: 'cdm' }, chosen());
    expect(state.subject).toMatchObject({ kind: 'existing', summary: { id: summary.id }, detail: null });
    expect(state.query).toBe('');
    expect(state.visit).toMatchObject({ departmentCode: '03', visitType: 'return', feeCategory: FEE });
    expect(state.focusNext).toBe('department');
  });

  it('turns a proposed 复诊 back into 初诊 when another department is chosen, but keeps the registrar’s own choice', () => {
    const elsewhere = run(chosen(), { type: 'visitEdited', patch: { departmentCode: '04' }, field: 'departmentCode' });
    expect(elsewhere.visit).toMatchObject({ departmentCode: '04', visitType: 'first' });
    expect(
      run(
        chosen(),
        { type: 'visitEdited', patch: { departmentCode: '04' }, field: 'departmentCode' },
        { type: 'visitEdited', patch: { departmentCode: '03' }, field: 'departmentCode' },
      ).visit.visitType,
    ).toBe('return');
    const chosenType = run(
      chosen(),
      { type: 'visitEdited', patch: { visitType: 'return' }, field: 'visitType' },
      { type: 'visitEdited', patch: { departmentCode: '04' }, field: 'departmentCode' },
    );
    expect(chosenType.visit.visitType).toBe('return');
  });

  it('takes the fee category from the record once read, unless the registrar chose one', () => {
    expect(run(chosen(), { type: 'patientRead', chosenId: summary.id, detail: detail(summary.id, 'rural'), fallbackFee: FEE }).visit.feeCategory).toBe('rural');
    const chose = run(
      chosen(),
      { type: 'visitEdited', patch: { feeCategory: 'city' }, field: 'feeCategory' },
      { type: 'patientRead', chosenId: summary.id, detail: detail(summary.id, 'rural'), fallbackFee: FEE },
    );
    expect(chose.visit.feeCategory).toBe('city');
    expect(chose.visit.touched).toEqual(['feeCategory']);
  });

  it('ignores a record read for a patient the registrar has already left', () => {
    const moved = run(chosen(), { type: 'newPatientStarted', draft: EMPTY_PATIENT_DRAFT, fromCard: false, homeDivision: null, fallbackFee: FEE });
    expect(registrationReducer(moved, { type: 'patientRead', chosenId: summary.id, detail: detail(summary.id, null), fallbackFee: FEE })).toBe(moved);
  });

  it('starts a new patient in the clinic’s own division, and leaves the fee to the registrar when insured', () => {
    const plain = run({ type: 'newPatientStarted', draft: draftFromSearch('王小明'), fromCard: false, homeDivision: '330783123', fallbackFee: FEE });
    expect(plain.subject).toMatchObject({ kind: 'new', draft: { name: '王小明', divisionCode: '330783123' } });
    expect(plain.visit.feeCategory).toBe(FEE);
    expect(plain.focusNext).toBe('name');
    const insured = run({
      type: 'newPatientStarted',
      draft: { ...EMPTY_PATIENT_DRAFT, insuranceNumber: '330783196211022131' },
      fromCard: true,
      homeDivision: null,
      fallbackFee: FEE,
    });
    expect(insured.visit.feeCategory).toBe('');
    expect(insured.focusNext).toBe('department');
  });

  it('lets the insurance category typed in the new form become the visit’s, until the registrar picks one', () => {
    const started = run({ type: 'newPatientStarted', draft: EMPTY_PATIENT_DRAFT, fromCard: false, homeDivision: null, fallbackFee: '' });
    const edited = registrationReducer(started, {
      type: 'draftEdited',
      draft: { ...EMPTY_PATIENT_DRAFT, feeCategory: 'rural' },
      field: 'insurance.feeCategory',
    });
    expect(edited.visit.feeCategory).toBe('rural');
  });
});

describe('F8', () => {
  it('asks for a patient first', () => {
    const plan = planRegistration(INITIAL_REGISTRATION, TODAY);
    expect(plan.kind).toBe('needPatient');
    const state = registrationReducer(INITIAL_REGISTRATION, { type: 'registerPlanned', plan });
    expect(state.message).toEqual({ tone: 'warn', text: REG_TEXT.visit.needPatient });
    expect(state.busy).toBe(false);
  });

  it('only registers, and says how to save, while the record is being edited', () => {
    const editing = run(chosen(), { type: 'toolOpened', tool: 'edit' });
    const plan = planRegistration(editing, TODAY);
    expect(plan.kind).toBe('finishEditFirst');
    expect(registrationReducer(editing, { type: 'registerPlanned', plan }).message?.text).toContain('Ctrl+S');
    expect(planRegistration(run(chosen(), { type: 'toolOpened', tool: 'merge' }), TODAY).kind).toBe('registerExisting');
  });

  it('sends the cursor to the first field with a mistake: the patient’s first, then the visit’s', () => {
    const blank = run({ type: 'newPatientStarted', draft: EMPTY_PATIENT_DRAFT, fromCard: false, homeDivision: null, fallbackFee: '' });
    const plan = planRegistration(blank, TODAY);
    expect(plan).toMatchObject({ kind: 'invalid', focus: 'firstError' });
    const state = registrationReducer(blank, { type: 'registerPlanned', plan });
    expect(state.patientErrors).toHaveProperty('name');
    expect(state.visitErrors).toHaveProperty('departmentCode');
    const noDepartment = run({ ...chosen() }, { type: 'visitEdited', patch: { departmentCode: '' }, field: 'departmentCode' });
    expect(planRegistration(noDepartment, TODAY)).toMatchObject({ kind: 'invalid', focus: 'department', patientErrors: null });
  });

  it('registers a chosen patient, then clears the screen for the next one and keeps the slip', () => {
    const ready = run(chosen(), { type: 'said', message: { tone: 'info', text: '已读卡' } });
    const plan = planRegistration(ready, TODAY);
    expect(plan).toEqual({ kind: 'registerExisting', patientId: summary.id });
    const busy = registrationReducer(ready, { type: 'registerPlanned', plan });
    expect(busy.busy).toBe(true);
    const done = [{ type: 'visitRegistered', visit: registeredVisit } as const, { type: 'registerEnded' } as const].reduce(registrationReducer, busy);
    expect(done).toMatchObject({ subject: { kind: 'none' }, registered: registeredVisit, message: null, reloadKey: 1, busy: false, focusNext: 'search' });
    expect(done.visit.departmentCode).toBe('');
  });

  it('puts the server’s refusal at the visit’s fields', () => {
    const state = run(chosen(), { type: 'visitRegisterFailed', error: failure, fieldErrors: { departmentCode: '请选择科室' } });
    expect(state.error).toBe(failure);
    expect(state.visitErrors).toEqual({ departmentCode: '请选择科室' });
  });

  it('shows possible duplicates, and back in the form the cursor goes to the name', () => {
    const state = run(
      { type: 'newPatientStarted', draft: EMPTY_PATIENT_DRAFT, fromCard: false, homeDivision: null, fallbackFee: FEE },
      { type: 'duplicatesFound', candidates: [] },
      { type: 'duplicatesDismissed' },
    );
    expect(state.duplicates).toBeNull();
    expect(state.focusNext).toBe('name');
  });

  it('puts a refused new patient’s field errors at the fields, without the `patient.` prefix', () => {
    const state = run(
      { type: 'newPatientStarted', draft: EMPTY_PATIENT_DRAFT, fromCard: false, homeDivision: null, fallbackFee: FEE },
      { type: 'patientSaveFailed', error: failure, fieldErrors: { 'patient.idNumber': '证件号码已登记' } },
    );
    expect(state.patientErrors).toEqual({ idNumber: '证件号码已登记' });
    expect(state.focusNext).toBe('firstError');
  });
});

describe('Esc', () => {
  it('steps back one thing at a time: out of the form, the search, the patient, then the slip', () => {
    const inForm = run(chosen(), { type: 'focused' }, { type: 'escaped', inForm: true });
    expect(inForm.subject.kind).toBe('existing');
    expect(inForm.focusNext).toBe('search');

    const searching = run(
      { type: 'visitRegistered', visit: registeredVisit },
      chosen(),
      { type: 'queryTyped', text: 'wxm' },
      { type: 'escaped', inForm: false },
    );
    expect(searching.query).toBe('');
    expect(searching.subject.kind).toBe('existing');

    const dropped = registrationReducer(searching, { type: 'escaped', inForm: false });
    expect(dropped.subject.kind).toBe('none');

    const withSlip = run({ type: 'visitRegistered', visit: registeredVisit }, { type: 'said', message: { tone: 'info', text: '可以接待下一位' } });
    const cleared = registrationReducer(withSlip, { type: 'escaped', inForm: false });
    expect(cleared.registered).toBeNull();
    expect(cleared.message).toBeNull();
  });

  it('closes a record tool and sends the cursor back to the department', () => {
    const state = run(chosen(), { type: 'toolOpened', tool: 'merge' }, { type: 'toolClosed' });
    expect(state.tool).toBeNull();
    expect(state.focusNext).toBe('department');
  });
});
