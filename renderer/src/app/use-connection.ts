import { useEffect, useState } from 'react';
import type { ClinicClient } from '../api/client';

export const RECONNECT_INTERVAL_MS = 3_000;

/**
 * Whether the back end answers. After a TRANSPORT failure this keeps knocking (with the cheapest
 * public call) until it answers again, so every screen recovers on its own once the program is back.
 */
export function useConnection(client: ClinicClient): boolean {
  const [online, setOnline] = useState(client.isOnline());

  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'connection') setOnline(event.online);
      }),
    [client],
  );

  useEffect(() => {
    if (online) return;
    const timer = setInterval(() => void client.call('setup.status', {}), RECONNECT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [client, online]);

  return online;
}
