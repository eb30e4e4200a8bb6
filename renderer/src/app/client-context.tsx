import { createContext, useContext, type ReactNode } from 'react';
import type { ClinicClient } from '../api/client';

const ClientContext = createContext<ClinicClient | null>(null);

export function ClientProvider({ client, children }: { readonly client: ClinicClient; readonly children: ReactNode }) {
  return <ClientContext value={client}>{children}</ClientContext>;
}

export function useClient(): ClinicClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient: no ClientProvider above this component');
  return client;
}
