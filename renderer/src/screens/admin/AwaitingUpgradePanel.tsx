import { useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { ErrorBanner, Panel } from '../../ui';

type AwaitingList = OutputOf<'admin.listAwaitingUpgrade'>;

const TEXT = {
  title: '等待程序升级的记录',
  explain:
    '下面这些记录是其他电脑上更新版本的程序写的，本机程序还读不懂。记录已完整保存，也会照常同步给县级平台和其他电脑；本机升级程序后会自动显示。请联系县级平台或软件维护人员升级本机程序。',
  id: '记录编号',
  kind: '类别',
  version: '版本',
  versionOf: (version: number, known: number) => `第 ${version} 版（本机只认识到第 ${known} 版）`,
} as const;

/** 管理: documents kept but not shown until this PC's program is updated. Hidden while there are none. */
export function AwaitingUpgradePanel() {
  const client = useClient();
  const [items, setItems] = useState<AwaitingList>([]);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    void client.api.admin.listAwaitingUpgrade({}).then((result) => {
      if (!current) return;
      if (result.ok) setItems(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [client]);

  if (items.length === 0 && !error) return null;
  return (
    <Panel title={TEXT.title} testId="awaiting-upgrade-panel">
      <ErrorBanner error={error} />
      <p className="text-sm text-muted">{TEXT.explain}</p>
      <table className="w-full text-left">
        <thead className="border-b border-border text-sm text-muted">
          <tr>
            <th className="py-1.5 font-normal">{TEXT.kind}</th>
            <th className="py-1.5 font-normal">{TEXT.id}</th>
            <th className="py-1.5 font-normal">{TEXT.version}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-doc-id={item.id} className="border-b border-border-soft">
              <td className="py-1.5">{item.label}</td>
              <td className="py-1.5 font-mono text-sm">{item.id}</td>
              <td className="py-1.5">{TEXT.versionOf(item.version, item.knownVersion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
