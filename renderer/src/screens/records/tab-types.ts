import type { ComponentType } from 'react';
import type { SessionUser } from '../../../../shared/api';
import type { Permission } from '../../../../shared/permissions';

export interface RecordRoomTabProps {
  readonly user: SessionUser;
}

/** One page of the 病案 screen, shown to users holding its permission. */
export interface RecordRoomTab {
  readonly key: string;
  readonly label: string;
  readonly permission: Permission;
  readonly component: ComponentType<RecordRoomTabProps>;
}
