import { ApiFailure } from '../../shared/api';
import type { AppContext } from './context';
import { icdDictionaryOf } from '../services/dictionary/icd-dictionary';
import { IcdImports } from '../services/dictionary/icd-import';
import { DrugImports, antibioticGradeOf, saveDrug, setAntibioticGrade } from '../services/dictionary/drugs';
import { ImportProgress } from '../services/dictionary/pending-imports';
import { DrugSearch } from '../services/dictionary/drug-search';
import type { Router } from './router';

const DEFAULT_LIMIT = 20;
const bytesOf = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

export function registerDictionary(router: Router, app: AppContext): void {
  const icd = icdDictionaryOf(app.data.icd);
  // One progress for both imports: the administrator runs one at a time from one screen.
  const progress = new ImportProgress();
  const icdImports = new IcdImports(icd, progress);
  const drugImports = new DrugImports(app.data, progress);
  const drugSearch = new DrugSearch(app.data.drugs, app.data.store);
  router
    .implement('dictionary.searchIcd', (input) => icd.search(input.query, input.codeSystem ?? 'yb2', input.limit ?? DEFAULT_LIMIT))
    .implement('dictionary.getIcd', (input) => {
      const found = icd.resolve(input.codeSystem, input.code, input.version);
      if (!found) throw new ApiFailure('NOT_FOUND', `诊断编码 ${input.code} 不在${input.version ? `版本 ${input.version} 的` : ''}ICD-10 字典里，请重新查找。`);
      return found;
    })
    .implement('dictionary.icdVersions', () => icd.versions())
    .implement('dictionary.importIcdPreview', (input) =>
      icdImports.preview({ codeSystem: input.codeSystem, version: input.version, title: input.title, fileName: input.fileName, bytes: bytesOf(input.content) }),
    )
    .implement('dictionary.importIcdApply', (input, { actor }) => icdImports.apply(input.token, actor.username))
    .implement('dictionary.importProgress', () => progress.view())
    .implement('dictionary.searchDrugs', (input) => drugSearch.search(input.query, input.limit ?? DEFAULT_LIMIT))
    .implement('drugs.list', () => app.data.drugs.list())
    .implement('drugs.save', (input, { actor, clinic }) => saveDrug(app.data, clinic.code, actor.username, input.drug))
    .implement('drugs.importPreview', (input) => drugImports.preview(input.fileName, bytesOf(input.content)))
    .implement('drugs.importApply', (input, { actor, clinic }) => drugImports.apply(input.token, clinic.code, actor.username))
    .implement('users.antibioticGrades', () =>
      app.data.users
        .list()
        .filter((user) => user.roles.includes('doctor'))
        .map((user) => ({ username: user.username, displayName: user.displayName, grade: antibioticGradeOf(app.data, user.username) })),
    )
    .implement('users.setAntibioticGrade', (input, { actor, clinic }) => ({
      username: input.username,
      grade: setAntibioticGrade(app.data, clinic.code, actor.username, input.username, input.grade),
    }));
}
