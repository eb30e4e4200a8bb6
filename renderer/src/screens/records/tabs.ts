import { ArchiveQueueTab } from './queue/ArchiveQueueTab';
import { RecordStatsTab } from './stats/RecordStatsTab';
import type { RecordRoomTab } from './tab-types';

export type { RecordRoomTab, RecordRoomTabProps } from './tab-types';

/**
 * The pages of the 病案 screen, in this order: 归档队列, 病案查询, 借阅, 封存, 复印, 复印件核验, 统计.
 * Each page keeps its components in its own folder beside this file.
 */
export const RECORD_ROOM_TABS: ReadonlyArray<RecordRoomTab> = [
  { key: 'queue', label: '归档队列', permission: 'archive.qc', component: ArchiveQueueTab },

  { key: 'stats', label: '统计', permission: 'archive.read', component: RecordStatsTab },
];
