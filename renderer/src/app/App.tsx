import { useCallback, useEffect, useState } from 'react';
import type { ApiError, OutputOf, SessionUser } from '../../../shared/api';
import { Button, ErrorBanner } from '../ui';
import { KeymapProvider } from '../keyboard/KeymapProvider';
import { HomeScreen } from '../screens/home/HomeScreen';
import { LoginScreen } from '../screens/login/LoginScreen';
import { SetupComplete } from '../screens/setup/SetupComplete';
import { SetupWizard } from '../screens/setup/SetupWizard';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../../shared/time/clinic-time';
import { ClinicZoneContext } from './clinic-clock';
import { useClient } from './client-context';
import { ConnectionBanner } from './ConnectionBanner';
import { missingCase } from '../../../shared/missing-case';
import { APP_TEXT } from './text';
import { useConnection } from './use-connection';

type Screen =
  | { readonly kind: 'starting'; readonly error: ApiError | null }
  | { readonly kind: 'setup' }
  | { readonly kind: 'setupDone'; readonly result: OutputOf<'setup.initialize'>; readonly keyWasGiven: boolean }
  | { readonly kind: 'login'; readonly clinicName: string | null; readonly reason: ApiError | null }
  | { readonly kind: 'home'; readonly clinicName: string | null; readonly user: SessionUser };

/** Which screen to show: the setup wizard on a fresh install, then login, then the home screen. */
export function App() {
  const client = useClient();
  const online = useConnection(client);
  const [screen, setScreen] = useState<Screen>({ kind: 'starting', error: null });
  const [timeZone, setTimeZone] = useState(DEFAULT_CLINIC_TIME_ZONE);

  const start = useCallback(async () => {
    const status = await client.api.setup.status({});
    if (!status.ok) return setScreen({ kind: 'starting', error: status.error });
    const { initialized, clinicName } = status.value;
    setTimeZone(status.value.timeZone);
    if (!initialized) return setScreen({ kind: 'setup' });
    if (client.hasSession()) {
      const me = await client.api.auth.currentUser({});
      if (me.ok) return setScreen({ kind: 'home', clinicName, user: me.value });
      if (me.error.code === 'TRANSPORT') return setScreen({ kind: 'starting', error: me.error });
    }
    setScreen({ kind: 'login', clinicName, reason: null });
  }, [client]);

  useEffect(() => {
    void start();
  }, [start]);

  // A start that failed for want of the back end is retried as soon as it answers again.
  const waitingForBackEnd = screen.kind === 'starting' && screen.error?.code === 'TRANSPORT';
  useEffect(() => {
    if (online && waitingForBackEnd) void start();
  }, [online, waitingForBackEnd, start]);

  // Any call may find the session gone (expired, or the program restarted): back to login, saying why.
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type !== 'sessionLost') return;
        setScreen((current) => (current.kind === 'home' ? { kind: 'login', clinicName: current.clinicName, reason: event.error } : current));
      }),
    [client],
  );

  return (
    <KeymapProvider>
      <ClinicZoneContext.Provider value={timeZone}>
        <div className="flex h-full flex-col">
          <ConnectionBanner online={online} />
          <div className="min-h-0 flex-1">{renderScreen()}</div>
        </div>
      </ClinicZoneContext.Provider>
    </KeymapProvider>
  );

  function renderScreen() {
    switch (screen.kind) {
      case 'starting':
        return (
          <div className="mx-auto flex max-w-xl flex-col gap-4 p-10">
            <p className="text-lg text-ink-soft">{APP_TEXT.starting}</p>
            {screen.error && screen.error.code !== 'TRANSPORT' && (
              <>
                <ErrorBanner error={screen.error} />
                <div>
                  <Button tone="primary" onClick={() => void start()}>
                    {APP_TEXT.retry}
                  </Button>
                </div>
              </>
            )}
          </div>
        );
      case 'setup':
        return <SetupWizard onFinished={(result, keyWasGiven) => setScreen({ kind: 'setupDone', result, keyWasGiven })} onAlreadySetUp={() => void start()} />;
      case 'setupDone':
        return <SetupComplete result={screen.result} keyWasGiven={screen.keyWasGiven} onContinue={() => void start()} />;
      case 'login':
        return (
          <LoginScreen
            clinicName={screen.clinicName}
            reason={screen.reason}
            onLoggedIn={(user) => setScreen({ kind: 'home', clinicName: screen.clinicName, user })}
          />
        );
      case 'home':
        return (
          <HomeScreen
            clinicName={screen.clinicName}
            user={screen.user}
            onLoggedOut={() => setScreen({ kind: 'login', clinicName: screen.clinicName, reason: null })}
          />
        );
      default:
        return missingCase(screen);
    }
  }
}
