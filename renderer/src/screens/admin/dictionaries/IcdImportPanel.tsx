import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../../shared/api';
import { ICD_CODE_SYSTEM_LABELS, ICD_CODE_SYSTEMS, type IcdCodeSystem } from '../../../../../shared/codes';
import { useClient } from '../../../app/client-context';
import { fieldErrorsOf } from '../../../forms/field-errors';
import { Button, DataTable, ErrorBanner, Panel, SelectField, TextField, type Column } from '../../../ui';
import { FilePicker, ImportOutcome } from './ImportParts';
import { DICTIONARY_TEXT as T } from './text';
import { useImport, type ChosenFile } from './use-import';

type IcdPreview = OutputOf<'dictionary.importIcdPreview'>;
type IcdVersion = OutputOf<'dictionary.icdVersions'>[number];

const CODE_SYSTEM_OPTIONS = ICD_CODE_SYSTEMS.map((value) => ({ value, label: ICD_CODE_SYSTEM_LABELS[value] }));

const ROW_COLUMNS: ReadonlyArray<Column<IcdPreview['firstRows'][number]>> = [
  { key: 'code', header: T.code, width: '12rem', cell: (r) => r.code, className: 'font-mono' },
  { key: 'name', header: T.name, cell: (r) => r.name, fullText: (r) => r.name },
];

const VERSION_COLUMNS: ReadonlyArray<Column<IcdVersion>> = [
  { key: 'system', header: T.codeSystem, width: '9rem', cell: (v) => ICD_CODE_SYSTEM_LABELS[v.codeSystem as IcdCodeSystem] ?? v.codeSystem },
  { key: 'version', header: T.version, width: '9rem', cell: (v) => v.version },
  { key: 'title', header: T.title, cell: (v) => v.title, fullText: (v) => `${v.title}｜${v.source}` },
  { key: 'count', header: T.count, width: '6rem', align: 'end', cell: (v) => v.codeCount },
  { key: 'at', header: T.importedAt, width: '11rem', cell: (v) => v.importedAt.slice(0, 16).replace('T', ' ') },
  { key: 'current', header: '', width: '10rem', cell: (v) => (v.current ? T.current : T.old) },
];

/** 管理 → ICD-10 诊断字典: the versions on file, and the import of an official list as a new version. */
export function IcdImportPanel() {
  const client = useClient();
  const [codeSystem, setCodeSystem] = useState<IcdCodeSystem>('gl2');
  const [version, setVersion] = useState('');
  const [title, setTitle] = useState('');
  const [versions, setVersions] = useState<ReadonlyArray<IcdVersion> | null>(null);
  const [versionsError, setVersionsError] = useState<ApiError | null>(null);

  const loadVersions = useCallback(async () => {
    const result = await client.api.dictionary.icdVersions({});
    if (result.ok) setVersions(result.value);
    else setVersionsError(result.error);
  }, [client]);
  useEffect(() => void loadVersions(), [loadVersions]);

  const options = useMemo(
    () => ({
      preview: (file: ChosenFile) =>
        client.api.dictionary.importIcdPreview({ codeSystem, version, title: title || `${ICD_CODE_SYSTEM_LABELS[codeSystem]} ${version}`, ...file }),
      apply: (token: string) => client.api.dictionary.importIcdApply({ token }),
      noticeOf: (applied: OutputOf<'dictionary.importIcdApply'>) => T.icdApplied(applied.version, applied.codeCount),
      onApplied: () => void loadVersions(),
    }),
    [client, codeSystem, version, title, loadVersions],
  );
  const icd = useImport(options);
  const errors = icd.state.step === 'choose' ? fieldErrorsOf(icd.state.error) : {};
  const locked = icd.state.step !== 'choose';

  return (
    <Panel title={T.icdTitle} testId="icd-import-panel">
      <p className="text-sm text-muted">{T.icdExplain}</p>
      <ErrorBanner error={versionsError} />
      <DataTable
        label={T.versionsTitle}
        testId="icd-versions"
        columns={VERSION_COLUMNS}
        rows={versions}
        rowKey={(v) => String(v.id)}
        loadingText={T.loading}
        dense
      />
      <form
        className="grid gap-field md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          void icd.check();
        }}
      >
        <SelectField
          label={T.codeSystem}
          path="codeSystem"
          value={codeSystem}
          options={CODE_SYSTEM_OPTIONS}
          disabled={locked}
          onChange={(v) => setCodeSystem(v as IcdCodeSystem)}
        />
        <TextField label={T.version} path="version" value={version} hint={T.versionHint} error={errors.version} disabled={locked} onChange={setVersion} />
        <TextField label={T.title} path="title" value={title} optional disabled={locked} onChange={setTitle} />
        <FilePicker file={icd.file} onChoose={icd.setFile} disabled={locked} />
        <div>
          <Button type="submit" tone="primary" data-testid="icd-preview" disabled={locked || !icd.file || version.trim() === ''}>
            {T.preview}
          </Button>
        </div>
      </form>
      <ImportOutcome
        testId="icd-import-outcome"
        state={icd.state}
        progress={icd.progress}
        summary={(p) => T.icdCounts(p.counts)}
        firstRows={(p) => <DataTable label={T.firstRows} columns={ROW_COLUMNS} rows={p.firstRows} rowKey={(r) => r.code} dense />}
        onApply={() => void icd.apply()}
        onCancel={icd.cancel}
      />
    </Panel>
  );
}
