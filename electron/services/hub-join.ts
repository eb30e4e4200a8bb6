/**
 * 加入本院, from a new PC's first-run screen: pair with the centre's hub (its address, the one-time
 * code it shows, its certificate's fingerprint compared by a person), keep the link (the secret
 * sealed, the certificate pinned), then pull the centre's records exactly as a county restore does
 * (documents first, projections once, the same progress screen) and end at the login.
 *
 * A refused pairing (wrong, expired or used code, a fingerprint that differs, no hub at the
 * address) writes nothing on this PC. A pull that fails after pairing keeps the link, so trying
 * again resumes from the checkpoint without a new code, unless the hub refused the account.
 */
import { ApiFailure } from '../../shared/api';
import type { HubJoinInput } from '../../shared/api/hub';
import { HUB_MESSAGES, HubError, hubEndpointOf, hubFetch, pairWithHub, parseHubAddress, readHubLink, saveHubLink, type HubLink } from '../hub';
import type { SecretBox } from '../security/secret-box';
import type { ClinicData } from './clinic-data';
import type { CountyRestore, RestoreStatus } from './county-restore';
import { isInitialized } from './setup';

/** The sync's messages speak of the county; from the hub they say what happened with the hub. */
const HUB_WORDING: Readonly<Record<string, string>> = {
  SYNC_AUTH_FAILED: HUB_MESSAGES.HUB_BAD_CREDENTIALS,
  SYNC_FORBIDDEN: HUB_MESSAGES.HUB_REVOKED,
  SYNC_CERTIFICATE: HUB_MESSAGES.HUB_CERTIFICATE_MISMATCH,
  SYNC_HOST_UNREACHABLE: HUB_MESSAGES.HUB_UNREACHABLE,
  SYNC_DNS_FAILED: HUB_MESSAGES.HUB_UNREACHABLE,
  SYNC_TIMEOUT: HUB_MESSAGES.HUB_UNREACHABLE,
  SYNC_CONNECTION_LOST: '与本院主机的连接中断了。请确认网线和本院主机正常后点「重试」，已取回的数据不会重复下载。',
  SYNC_DATABASE_MISSING: HUB_MESSAGES.HUB_OTHER_DATABASE,
};

/** Failures after which the saved account is of no use: pair again with a new code. */
const ACCOUNT_REFUSED = new Set(['SYNC_AUTH_FAILED', 'SYNC_FORBIDDEN', 'SYNC_CERTIFICATE']);

export class HubJoin {
  constructor(
    private readonly options: {
      readonly data: ClinicData;
      readonly restore: CountyRestore;
      readonly secrets: SecretBox;
      /** The centre's records are in: start the live link with the hub. */
      readonly onJoined?: () => void;
    },
  ) {}

  async join(input: HubJoinInput): Promise<RestoreStatus> {
    const { data, restore, secrets } = this.options;
    if (isInitialized(data)) throw new ApiFailure('ALREADY_SET_UP');
    if (restore.isRunning) return restore.status();
    const address = parseHubAddress(input.address);
    if (!address) {
      throw new ApiFailure('VALIDATION_FAILED', undefined, [
        { path: 'address', message: '地址格式不对，请填写本院主机的 IP 地址，例如 192.168.1.10 或 192.168.1.10:6984' },
      ]);
    }
    let link: HubLink | null = readHubLink(data.meta);
    const lastError = restore.status().error?.code;
    if (link && (link.address !== address.url || (lastError !== undefined && ACCOUNT_REFUSED.has(lastError)))) link = null;
    if (!link) link = saveHubLink(data.meta, await this.pair({ ...input, address: address.url }), secrets);
    const endpoint = hubEndpointOf(link, secrets);
    return restore.startFrom({
      clinicCode: link.clinicCode,
      endpoint: { serverUrl: endpoint.address, username: endpoint.account, password: endpoint.secret },
      workstationId: link.workstationNumber,
      fetch: hubFetch(endpoint),
      referenceDatabase: null,
      wording: HUB_WORDING,
      emptyMessage: '本院主机上还没有本院的设置和账号。请确认连的是本院主机，并且本院主机已完成初始设置。',
      // The link saved at pairing is all this PC keeps: staff accounts, departments and settings came with the record.
      finish: () => this.options.onJoined?.(),
    });
  }

  private async pair(input: HubJoinInput) {
    try {
      return await pairWithHub(input);
    } catch (error) {
      if (error instanceof HubError) throw new ApiFailure(error.code === 'HUB_UNREACHABLE' ? 'HUB_UNREACHABLE' : 'HUB_REFUSED', error.message);
      throw error;
    }
  }
}
