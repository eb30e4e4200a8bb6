import type { SessionUser } from '../../../../shared/api';
import { missingCase } from '../../../../shared/missing-case';
import { startingSection, type SectionId } from './sections';

/** The home screen: the section open, and the logged-in user as this login knows them now. */
export interface HomeState {
  readonly section: SectionId;
  readonly user: SessionUser;
}

export type HomeAction =
  | { readonly type: 'open'; readonly section: SectionId }
  /** The user's account changed during this login (an administrator gave themself a role): it applies at once. */
  | { readonly type: 'userChanged'; readonly user: SessionUser };

export function initialHomeState(user: SessionUser): HomeState {
  return { section: startingSection(user.roles), user };
}

export function homeReducer(state: HomeState, action: HomeAction): HomeState {
  switch (action.type) {
    case 'open':
      return { ...state, section: action.section };
    case 'userChanged':
      return { ...state, user: action.user };
    default:
      return missingCase(action);
  }
}
