import { useClinicZone } from '../../app/clinic-clock';
import { useLiveQuery } from '../../api/use-live-query';
import { Button, Panel } from '../../ui';
import { formatWhen } from './format';

/**
 * 本院各电脑: on a workstation, its link with 本院主机 (state, last change received, pending); on the
 * hub, each paired workstation with when it was last seen and how many of the hub's changes it
 * has not pulled yet. Read again when the link's state changes, and on 刷新.
 */
export function CentreLinkPanel() {
  const zone = useClinicZone();
  const { value, reload } = useLiveQuery('lan.status', {}, [{ kind: 'lan' }]);
  if (!value || (value.link.state === 'off' && value.workstations === null)) return null;
  const { link, workstations } = value;
  return (
    <Panel title="本院各电脑" testId="sync-centre">
      {link.state !== 'off' && (
        <p data-testid="sync-centre-link" data-state={link.state}>
          {link.message} 最近收到：{link.lastReceivedAt ? formatWhen(link.lastReceivedAt, zone) : '还没有'}；待发送 {link.pendingChanges} 条。
        </p>
      )}
      {workstations !== null && (
        <table data-testid="sync-centre-workstations" className="w-full text-left">
          <thead>
            <tr>
              <th>工作站</th>
              <th>最近联系</th>
              <th>尚未取走的更改</th>
            </tr>
          </thead>
          <tbody>
            {workstations.map((w) => (
              <tr key={w.workstation} data-workstation={w.workstation}>
                <td>{w.workstation}</td>
                <td>{w.lastSeenAt ? formatWhen(w.lastSeenAt, zone) : '还没有联系过'}</td>
                <td>{w.pendingChanges ?? '未知'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div>
        <Button onClick={() => void reload()}>刷新</Button>
      </div>
    </Panel>
  );
}
