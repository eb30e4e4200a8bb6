import type { RecordRoomTabProps } from '../tab-types';
import { GrantsPanel } from './GrantsPanel';
import { PaperDeskPanel } from './PaperDeskPanel';

/** 借阅: electronic grants and the paper-folder desk with its overdue list (AR-13–AR-15). */
export function LendingTab(props: RecordRoomTabProps) {
  return (
    <div className="grid gap-section">
      <GrantsPanel {...props} />
      <PaperDeskPanel />
    </div>
  );
}
