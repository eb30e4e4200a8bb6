import { Panel } from '../../../ui';
import type { RecordRoomTabProps } from '../tab-types';

/** 统计: the record room's figures, each chart with its table. */
export function RecordStatsTab(_props: RecordRoomTabProps) {
  return (
    <Panel title="病案统计" testId="record-stats">
      <p className="text-ink-soft">正在准备统计…</p>
    </Panel>
  );
}
