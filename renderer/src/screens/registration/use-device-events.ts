import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DeviceEvent, DeviceStateView } from '../../../../shared/api/devices';
import { useClient } from '../../app/client-context';

/** Short enough that a card read feels immediate; the call is cheap and not audited. */
export const DEVICE_POLL_MS = 300;
const OFFLINE_POLL_MS = 2_000;

/**
 * Polls `devices.events` while the screen is open and hands each new card read or scan to
 * `onEvent`. Returns the devices' current states (null until the first answer).
 */
export function useDeviceEvents(onEvent: (event: DeviceEvent) => void): ReadonlyArray<DeviceStateView> | null {
  const client = useClient();
  const handler = useRef(onEvent);
  useLayoutEffect(() => {
    handler.current = onEvent;
  });
  const [states, setStates] = useState<ReadonlyArray<DeviceStateView> | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let position: { stream: string; after: number } | null = null;

    const poll = async () => {
      const result = await client.api.devices.events(position === null ? {} : position);
      if (stopped) return;
      if (!result.ok) {
        // Without the permission there is nothing to wait for; anything else may pass.
        if (result.error.code === 'FORBIDDEN') return;
        timer = setTimeout(() => void poll(), OFFLINE_POLL_MS);
        return;
      }
      const { stream, cursor, events } = result.value;
      position = { stream, after: cursor };
      setStates(result.value.states);
      for (const event of events) handler.current(event);
      timer = setTimeout(() => void poll(), DEVICE_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client]);

  return states;
}
