import { useEffect, useState } from 'react';
import { rolesGrant } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';

/**
 * Whether the logged-in user may change patient records (patient.write): 修改资料 and 合并重复档案
 * are offered only then. The back end checks again on every call; this only hides what would fail.
 */
export function useCanWritePatients(): boolean {
  const client = useClient();
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    let current = true;
    void client.api.auth.currentUser({}).then((result) => {
      if (current && result.ok) setAllowed(rolesGrant(result.value.roles, 'patient.write'));
    });
    return () => {
      current = false;
    };
  }, [client]);
  return allowed;
}
