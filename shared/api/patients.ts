/**
 * 患者主索引: search, read, register, edit, duplicates, merge. Every method touches patient data,
 * so every call is audited (the audit event lists the patient ids returned, never their values).
 */
import { z } from 'zod';
import { PATIENT_ID } from '../docs/ids';
import { cardKind } from '../docs/patient';
import { isoDate } from '../docs/base';
import { method } from './define';
import { duplicateCandidate, matchedKey, patientDetail, patientForm, patientHit, savedPatient } from './patient-views';

const patientId = z.string().regex(PATIENT_ID, '患者编号格式不对');
const rev = z.string().regex(/^\d+-[0-9a-f]{32}$/, '记录版本号格式不对');

export const searchKind = z.enum(['empty', 'name', 'pinyin', 'id_number', 'phone', 'card', 'visit_number', 'digits', 'other']);

export const patientsContract = {
  'patients.search': method({
    input: z
      .object({
        /** Whatever was typed: name, pinyin initials or full pinyin, ID number (whole or last 4–6), phone, card, visit number. */
        query: z.string().max(64, '搜索内容太长'),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({
      /** How the query was read (the box can show "按身份证号查找"). */
      kind: searchKind,
      /** Exact matches first, then prefix matches; within each, the most recent visitors first. */
      results: z.array(patientHit),
      /** True when more patients matched than `limit`: the registrar should type more. */
      more: z.boolean(),
    }),
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '患者查找（一个搜索框）',
  }),
  'patients.get': method({
    input: z.object({ id: patientId }).strict(),
    output: patientDetail,
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '患者档案详情',
  }),
  'patients.checkDuplicates': method({
    input: z
      .object({
        name: z.string().trim().max(40).optional(),
        sex: z.enum(['0', '1', '2', '9']).optional(),
        birthDate: isoDate.optional(),
        idNumber: z.string().trim().max(40).optional(),
        phone: z.string().trim().max(30).optional(),
        /** The record being edited, left out of its own duplicates. */
        excludeId: patientId.optional(),
      })
      .strict(),
    output: z.object({ candidates: z.array(duplicateCandidate) }),
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '保存前查重',
  }),
  'patients.register': method({
    input: z
      .object({
        patient: patientForm,
        /**
         * The registrar has seen the possible duplicates (same name + birth date + sex, or same phone
         * and a similar name) and still wants a new record. A same-ID-number duplicate is always refused.
         */
        acknowledgedDuplicates: z.boolean().default(false),
      })
      .strict(),
    output: savedPatient,
    permission: 'patient.write',
    requiresSetup: true,
    audit: 'write',
    summary: '新建患者档案',
  }),
  'patients.update': method({
    input: z.object({ id: patientId, rev, patient: patientForm }).strict(),
    output: savedPatient,
    permission: 'patient.write',
    requiresSetup: true,
    audit: 'write',
    summary: '修改患者档案（带版本号，别人先改过则提示冲突）',
  }),
  'patients.merge': method({
    input: z
      .object({
        survivorId: patientId,
        survivorRev: rev,
        absorbedId: patientId,
        absorbedRev: rev,
      })
      .strict()
      .refine((v) => v.survivorId !== v.absorbedId, { message: '不能把档案与它自己合并', path: ['absorbedId'] }),
    output: z.object({ survivor: z.object({ id: z.string(), rev: z.string() }), absorbed: z.object({ id: z.string(), rev: z.string() }) }),
    permission: 'patient.write',
    requiresSetup: true,
    audit: 'write',
    summary: '合并重复档案（保留一个，两边的就诊记录都保留，可撤销）',
  }),
  'patients.unmerge': method({
    input: z.object({ absorbedId: patientId, absorbedRev: rev }).strict(),
    output: z.object({ id: z.string(), rev: z.string(), survivorId: z.string() }),
    permission: 'patient.write',
    requiresSetup: true,
    audit: 'write',
    summary: '撤销合并',
  }),
  'patients.lookupByCard': method({
    input: z
      .object({
        kind: cardKind,
        number: z.string().trim().min(1, '卡号为空').max(64),
        /** What the card also carries: tried in turn when the card number itself is not on file. */
        idNumber: z.string().trim().max(40).optional(),
        insuranceNumber: z.string().trim().max(40).optional(),
      })
      .strict(),
    output: z.object({ matchedBy: matchedKey.nullable(), matches: z.array(patientHit) }),
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '读卡找患者',
  }),
  'patients.lookupByInsuranceVoucher': method({
    input: z
      .object({
        /** The insurance number the 医保电子凭证 resolves to (see electron/devices/scanner/BARCODES.md). */
        insuranceNumber: z
          .string()
          .trim()
          .regex(/^[0-9A-Za-z]{6,30}$/, '医保号格式不对'),
      })
      .strict(),
    output: z.object({ matchedBy: matchedKey.nullable(), matches: z.array(patientHit) }),
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '扫医保电子凭证找患者',
  }),
} as const;
