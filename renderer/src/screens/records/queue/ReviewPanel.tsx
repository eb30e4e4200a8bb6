import { useEffect, useState } from 'react';
import type { ApiError, OutputOf, QueueEntryView, SessionUser } from '../../../../../shared/api';
import { QC_GRADES, type QcGrade } from '../../../../../shared/docs/archive-case';
import { QC_DEFECTS, type QcDefectCode } from '../../../../../shared/docs/qc';
import { rolesGrant } from '../../../../../shared/permissions';
import { useClient } from '../../../app/client-context';
import { Button, CheckboxField, ErrorBanner, Notice, TextField } from '../../../ui';

interface ReviewPanelProps {
  readonly entry: QueueEntryView;
  readonly user: SessionUser;
  readonly onDone: () => void;
}

/** One visit's automatic checks (pass/fail each) and the manual QC form: defects, remark, grade; 退回整改, 评定 or 归档. */
export function ReviewPanel({ entry, user, onDone }: ReviewPanelProps) {
  const client = useClient();
  const [checks, setChecks] = useState<OutputOf<'archive.checks'> | null>(null);
  const [defects, setDefects] = useState<ReadonlyArray<QcDefectCode>>([]);
  const [remark, setRemark] = useState('');
  const [grade, setGrade] = useState<QcGrade>('甲');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void client.api.archive.checks({ encounterId: entry.encounterId }).then((result) => (result.ok ? setChecks(result.value) : setError(result.error)));
  }, [client, entry.encounterId, entry.state]);

  const review = async (sendBack: boolean) => {
    const result = await client.api.archive.review({
      encounterId: entry.encounterId,
      grade,
      defects: defects.map((code) => ({ code, remark: '' })),
      remark,
      sendBack,
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    setNotice(sendBack ? '已退回医生整改。' : '已保存评定。');
    onDone();
  };
  const archive = async () => {
    const result = await client.api.archive.archive({ encounterId: entry.encounterId });
    if (!result.ok) return setError(result.error);
    setNotice(`已归档，病案号 ${result.value.caseNumber}。`);
    onDone();
  };

  return (
    <div className="grid gap-3 p-card" data-testid="archive-review">
      <ErrorBanner error={error} />
      {notice && <Notice>{notice}</Notice>}
      <ul className="grid gap-1" data-testid="archive-checks">
        {checks?.checks.map((check) => (
          <li key={check.code} data-check={check.code} data-passed={check.passed} className={check.passed ? 'text-success' : 'text-danger'}>
            {check.passed ? '✓' : '✗'} {check.label}
            {check.problems.map((problem) => (
              <div key={problem} className="ml-6 text-sm">
                {problem}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {entry.state !== 'returned' && (
        <>
          <fieldset className="grid grid-cols-3 gap-1">
            <legend className="font-semibold">缺陷</legend>
            {(Object.keys(QC_DEFECTS) as QcDefectCode[]).map((code) => (
              <CheckboxField
                key={code}
                path={`defects.${code}`}
                label={QC_DEFECTS[code]}
                checked={defects.includes(code)}
                onChange={(on) => setDefects((list) => (on ? [...list, code] : list.filter((c) => c !== code)))}
              />
            ))}
          </fieldset>
          <TextField label="备注" path="remark" value={remark} onChange={setRemark} />
          <fieldset className="flex gap-4" data-field="grade">
            <legend className="font-semibold">等级</legend>
            {QC_GRADES.map((g) => (
              <label key={g} className="inline-flex items-center gap-1">
                <input type="radio" name="grade" value={g} checked={grade === g} onChange={() => setGrade(g)} /> {g}
              </label>
            ))}
          </fieldset>
          <div className="flex gap-3">
            <Button tone="secondary" data-testid="send-back" onClick={() => void review(true)}>
              退回医生整改
            </Button>
            <Button tone="primary" data-testid="save-review" onClick={() => void review(false)}>
              保存评定
            </Button>
            {entry.state === 'ready' && rolesGrant(user.roles, 'archive.manage') && (
              <Button tone="primary" data-testid="archive-case" onClick={() => void archive()}>
                归档
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
