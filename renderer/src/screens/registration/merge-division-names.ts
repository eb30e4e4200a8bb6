import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context';

/** Names of the given division codes (province down to the code itself), read once each, for the comparison. */
export function useMergeDivisionNames(codes: ReadonlyArray<string>): Readonly<Record<string, string>> {
  const client = useClient();
  const [names, setNames] = useState<Readonly<Record<string, string>>>({});
  const key = [...new Set(codes)].sort().join(',');

  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split(',');
    void Promise.all(
      wanted.map(async (code) => {
        const result = await client.api.clinic.divisions({ parentCode: code });
        return [code, result.ok ? result.value.path.join('') : code] as const;
      }),
    ).then((pairs) => {
      if (live) setNames(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [client, key]);

  return names;
}
