import { describe, expect, it } from 'vitest';
import type { PatientDetail } from '../../../../shared/api';
import { compareRecords, recordLabel, suggestedSurvivor } from './merge-compare';

const record = (id: string, phone: string, visits: number, createdAt: string): PatientDetail => ({
  id,
  rev: '1-00000000000000000000000000000000',
  form: { name: '陈德明', sex: '1', birthDate: '1952-11-03', phone, cards: [], allergies: [] },
  age: 73,
  ageText: '73岁',
  idNumberMasked: null,
  mergedInto: null,
  mergedFrom: [],
  createdAt,
  updatedAt: createdAt,
  visits: Array.from({ length: visits }, (_, i) => ({
    id: `encounter:${id}${i}`,
    patientId: id,
    visitNumber: `W01-20260101-000${i}`,
    visitDate: '2026-01-01',
    departmentCode: '03',
    departmentName: '内科',
    doctorUsername: null,
    visitType: 'first' as const,
    status: 'waiting' as const,
  })),
});

const ctx = { codeSets: null, feeCategories: [], divisionNames: {} };

describe('merge comparison', () => {
  it('marks the rows where two records disagree, not the bookkeeping ones', () => {
    const rows = compareRecords(record('patient:a', '13900000011', 1, '2026-01-01'), record('patient:b', '13900000022', 2, '2026-02-01'), ctx);
    const differing = rows.filter((r) => r.differs).map((r) => r.key);
    expect(differing).toEqual(['phone']);
    expect(rows.find((r) => r.key === 'visits')).toMatchObject({ left: '1 次', right: '2 次' });
  });

  it('suggests keeping the record with more visits, then the older one', () => {
    expect(suggestedSurvivor(record('patient:a', '1', 1, '2026-01-01'), record('patient:b', '1', 2, '2026-02-01'))).toBe('right');
    expect(suggestedSurvivor(record('patient:a', '1', 1, '2026-03-01'), record('patient:b', '1', 1, '2026-02-01'))).toBe('right');
    expect(recordLabel(record('patient:a', '13900000022', 0, '2026-01-01'))).toBe('陈德明（电话 139****0022）');
  });
});
