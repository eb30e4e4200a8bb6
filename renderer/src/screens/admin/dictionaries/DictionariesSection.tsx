import { AntibioticGradesPanel } from './AntibioticGradesPanel';
import { DrugImportPanel } from './DrugImportPanel';
import { IcdImportPanel } from './IcdImportPanel';

/** 管理 → 诊断与药品字典: the ICD-10 versions and their import, the drug list, the doctors' antibiotic rights. */
export function DictionariesSection() {
  return (
    <div className="grid gap-section 2xl:grid-cols-2">
      <IcdImportPanel />
      <div className="grid content-start gap-section">
        <DrugImportPanel />
        <AntibioticGradesPanel />
      </div>
    </div>
  );
}
