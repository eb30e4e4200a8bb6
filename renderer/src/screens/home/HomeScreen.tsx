import { lazy, Suspense, useCallback, useReducer } from 'react';
import type { SessionUser } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { missingCase } from '../../../../shared/missing-case';
import { APP_TEXT } from '../../app/text';
import { useKeymapScreen, useShortcuts } from '../../keyboard/use-shortcuts';
import { AdminSection } from '../admin/AdminSection';
import { OutpatientSection } from '../outpatient/OutpatientSection';
import { RecordRoomScreen } from '../records/RecordRoomScreen';
import { RegistrationSection } from '../registration/RegistrationSection';
import { NoPermission } from './Placeholder';
import { SectionNav } from './SectionNav';
import { homeReducer, initialHomeState } from './home-state';
import { sectionAllowed, SECTIONS, type SectionId } from './sections';
import { StatusBar } from './StatusBar';
import { HOME_TEXT as T } from './text';
import { useSystemStatus } from './use-system-status';

/** Loaded when first opened: it brings the chart library, which the other screens do not need. */
const SyncSection = lazy(() => import('../sync/SyncSection').then((module) => ({ default: module.SyncSection })));

interface HomeScreenProps {
  readonly clinicName: string | null;
  readonly user: SessionUser;
  readonly onLoggedOut: () => void;
}

export function HomeScreen({ clinicName, user: loggedIn, onLoggedOut }: HomeScreenProps) {
  const client = useClient();
  const status = useSystemStatus();
  const [{ section, user }, dispatch] = useReducer(homeReducer, loggedIn, initialHomeState);
  const setSection = (id: SectionId) => dispatch({ type: 'open', section: id });
  const onOwnAccountChanged = useCallback((changed: SessionUser) => dispatch({ type: 'userChanged', user: changed }), []);

  useShortcuts({
    'home.registration': () => setSection('registration'),
    'home.outpatient': () => setSection('outpatient'),
    'home.records': () => setSection('records'),
    'home.sync': () => setSection('sync'),
    'home.admin': () => setSection('admin'),
  });
  useKeymapScreen(section);

  const logout = async () => {
    // The client forgets the session whatever the answer; a lost connection must not trap the user.
    await client.api.auth.logout({});
    onLoggedOut();
  };

  const shownClinicName = status.status?.clinicName ?? clinicName ?? '';

  return (
    <div className="flex h-full flex-col">
      <header className="flex items-baseline gap-4 bg-primary-strong px-5 py-3 text-on-primary">
        <h1 className="text-xl font-semibold" data-testid="clinic-name">
          {shownClinicName}
        </h1>
        <span className="text-sm text-on-primary-soft">{APP_TEXT.productName}</span>
        <span className="flex-1" />
        <span className="text-sm text-on-primary-soft">{T.greeting(user.displayName)}</span>
      </header>
      <div className="flex min-h-0 flex-1">
        <SectionNav current={section} roles={user.roles} onOpen={setSection} />
        <main className="min-w-0 flex-1 overflow-auto p-6" data-section-open={section}>
          {renderSection()}
        </main>
      </div>
      <StatusBar state={status} user={user} onLogout={() => void logout()} />
    </div>
  );

  function renderSection() {
    const spec = SECTIONS.find((each) => each.id === section);
    const title = T.sections[section];
    if (!spec || !sectionAllowed(spec, user.roles)) return <NoPermission title={title} />;
    switch (section) {
      case 'registration':
        return <RegistrationSection clinicName={shownClinicName} />;
      case 'outpatient':
        return <OutpatientSection user={user} />;
      case 'records':
        return <RecordRoomScreen user={user} />;
      case 'sync':
        return (
          <Suspense fallback={<p className="text-ink-soft">{T.openingSection}</p>}>
            <SyncSection />
          </Suspense>
        );
      case 'admin':
        return <AdminSection user={user} onOwnAccountChanged={onOwnAccountChanged} />;
      default:
        return missingCase(section);
    }
  }
}
