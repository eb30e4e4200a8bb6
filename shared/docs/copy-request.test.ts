import { describe, expect, it } from 'vitest';
import { APPLICANT_KINDS, applicantProblems, missingDocuments, PROOF_DOCUMENTS, requiredDocuments, type Applicant, type ProofDocument } from './copy-request';

const person = (kind: Applicant['kind'], extra: Partial<Applicant> = {}): Applicant => ({ kind, name: '王䶮', id_tail: '001X', ...extra });

describe('the documents each applicant must bring (AR-17, AR-18)', () => {
  it('asks the patient for a valid ID only', () => {
    expect(requiredDocuments('patient')).toEqual(['patient_id']);
    expect(applicantProblems(person('patient'), ['patient_id'])).toEqual([]);
  });

  it('asks an agent for both IDs, the proof of agency and the signed authorisation letter', () => {
    expect(missingDocuments('agent', ['patient_id', 'agent_id'])).toEqual(['agency_proof', 'authorisation_letter']);
    const [problem] = applicantProblems(person('agent'), ['patient_id', 'agent_id']);
    expect(problem.path).toBe('documents_seen');
    expect(problem.message).toContain('代理关系证明材料');
    expect(problem.message).toContain('授权委托书');
    expect(problem.message).not.toContain('患者的有效身份证明');
  });

  it('asks an heir for the death certificate, the heir’s ID, proof of kinship and the relationship', () => {
    expect(missingDocuments('heir', [])).toEqual(['death_certificate', 'heir_id', 'kinship_proof']);
    expect(applicantProblems(person('heir'), ['death_certificate', 'heir_id', 'kinship_proof']).map((p) => p.path)).toEqual(['applicant.relationship']);
    expect(applicantProblems(person('heir', { relationship: '儿子' }), ['death_certificate', 'heir_id', 'kinship_proof'])).toEqual([]);
  });

  it('asks an heir’s agent for everything an heir and an agent bring', () => {
    expect(new Set(requiredDocuments('heir_agent'))).toEqual(
      new Set([...requiredDocuments('heir'), 'agent_id', 'agency_proof', 'authorisation_letter'] as ProofDocument[]),
    );
  });

  it('asks authorities for the retrieval certificate and the officer’s ID and work ID, and the agency', () => {
    const seen: ProofDocument[] = ['retrieval_certificate', 'officer_id', 'officer_work_id'];
    expect(applicantProblems(person('authority'), seen).map((p) => p.path)).toEqual(['applicant.organisation', 'applicant.authority_kind']);
    expect(applicantProblems(person('authority', { organisation: '青山派出所', authority_kind: 'police' }), seen)).toEqual([]);
  });

  it('asks insurers also for the contract and the patient’s consent', () => {
    const seen: ProofDocument[] = ['retrieval_certificate', 'officer_id', 'officer_work_id'];
    expect(missingDocuments('insurer', seen)).toEqual(['insurance_contract', 'patient_consent']);
  });

  it('never accepts a request with nothing shown, whoever asks; all documents satisfy every kind', () => {
    for (const kind of APPLICANT_KINDS) {
      expect(missingDocuments(kind, []).length).toBeGreaterThan(0);
      expect(missingDocuments(kind, [...PROOF_DOCUMENTS])).toEqual([]);
    }
  });
});
