import { ArchiveQueueTab } from './queue/ArchiveQueueTab';
import { LendingTab } from './lending/LendingTab';
import { MyGrantsTab } from './lending/MyGrantsTab';
import { SealingTab } from './sealing/SealingTab';
import { ScanDeskTab } from './scans/ScanDeskTab';
import { RecordSearchTab } from './search/RecordSearchTab';
import { RecordStatsTab } from './stats/RecordStatsTab';
import type { RecordRoomTab } from './tab-types';

export type { RecordRoomTab, RecordRoomTabProps } from './tab-types';

/**
 * The pages of the 病案 screen, in this order: 归档队列, 病案查询, 借阅, 封存, 复印, 复印件核验, 统计.
 * Each page keeps its components in its own folder beside this file.
 */
export const RECORD_ROOM_TABS: ReadonlyArray<RecordRoomTab> = [
  { key: 'queue', label: '归档队列', permission: 'archive.qc', component: ArchiveQueueTab },
  { key: 'lending', label: '借阅', permission: 'archive.manage', component: LendingTab },
  { key: 'my-grants', label: '我的借阅', permission: 'encounter.chart', component: MyGrantsTab },
  { key: 'sealing', label: '封存', permission: 'archive.seal', component: SealingTab },
  { key: 'search', label: '病案查询', permission: 'archive.read', component: RecordSearchTab },
  { key: 'scans', label: '档案数字化', permission: 'archive.manage', component: ScanDeskTab },

  { key: 'stats', label: '统计', permission: 'archive.read', component: RecordStatsTab },
];
