import { Panel } from '../../../ui';
import type { RecordRoomTabProps } from '../tab-types';

/** 归档队列: completed visits waiting to be checked, graded and archived. */
export function ArchiveQueueTab(_props: RecordRoomTabProps) {
  return (
    <Panel title="归档队列" testId="archive-queue">
      <p className="text-ink-soft">正在准备归档队列…</p>
    </Panel>
  );
}
