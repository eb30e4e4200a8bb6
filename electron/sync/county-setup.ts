/**
 * County setup for one clinic, run by the county's administrator (CLI: `npm run cli -- county-setup`):
 *
 * 1. the clinic's database `clinic_<code>`;
 * 2. its user `clinic_<code>` in `_users`, role `clinic` (re-running sets a new password);
 * 3. the database's `_security`: that user is the only member, so the credentials reach nothing else
 *    (https://docs.couchdb.org/en/stable/api/database/security.html), plus a validate_doc_update
 *    refusing documents stamped with another clinic's code;
 * 4. the reference database `county_reference` if missing: every clinic user (role `clinic`) may
 *    read, only admins may write (validate_doc_update).
 *
 * Idempotent: every step checks first. See COUNTY-SERVER.md for the production server and the
 * `_replicator` documents that merge clinics into a county-wide database.
 */
import { couchAdmin, type AdminFetch, type AdminResponse, type CouchAdmin } from './couch-admin';
import { classifySyncError, type SyncErrorCode } from './errors';
import { REFERENCE_DATABASE } from './reference-data';
import { clinicDatabaseName } from './remote-db';

export interface CountySetupInput {
  readonly serverUrl: string;
  readonly adminUser: string;
  readonly adminPassword: string;
  readonly clinicCode: string;
  readonly clinicPassword: string;
  readonly referenceDatabase?: string;
  /**
   * Also merge this clinic into a county-wide database with a continuous `_replicator` document
   * (https://docs.couchdb.org/en/stable/replication/replicator.html). CouchDB 3 wants full URLs
   * with credentials (`url`); the test peer only replicates between its own databases by name.
   */
  readonly mergeInto?: { readonly database: string; readonly endpoints: 'url' | 'name' };
  /**
   * The merge account's password (with `mergeInto`): the `_replicator` document runs as
   * `county_merge`, never as the server admin, whose password it would otherwise store in plain
   * text. One password for every clinic's merge job; running setup sets it (that is how it rotates).
   */
  readonly mergePassword?: string;
  readonly fetch?: AdminFetch;
}

export type SetupStepOutcome = 'created' | 'updated' | 'unchanged';

export interface CountySetupResult {
  readonly clinicDatabase: string;
  readonly clinicUser: string;
  readonly referenceDatabase: string;
  readonly steps: ReadonlyArray<{ readonly step: string; readonly outcome: SetupStepOutcome }>;
}

export class CountySetupError extends Error {
  constructor(
    readonly code: SyncErrorCode | 'SETUP_INVALID_INPUT' | 'SETUP_NOT_ADMIN' | 'SETUP_URL_IS_DATABASE' | 'SETUP_FAILED',
    message: string,
    readonly detail = '',
  ) {
    super(message);
    this.name = 'CountySetupError';
  }
}

export const CLINIC_ROLE = 'clinic';
/** The account (and role) the county's merge jobs run as: reads every clinic database, writes the merged one. */
export const MERGE_USER = 'county_merge';

const CLINIC_CODE = /^[a-z0-9][a-z0-9_-]{1,30}$/;

/** CouchDB runs this JavaScript on every write to the reference database. */
const REFERENCE_VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  var admins = (secObj && secObj.admins) || {};
  if ((admins.names || []).indexOf(userCtx.name) !== -1) return;
  for (var i = 0; i < roles.length; i++) if ((admins.roles || []).indexOf(roles[i]) !== -1) return;
  throw({ forbidden: '县级参考数据库只读：只有县级管理员可以修改。' });
}`;

function clinicValidate(code: string): string {
  return `function (newDoc, oldDoc, userCtx) {
  if ((userCtx.roles || []).indexOf('_admin') !== -1) return;
  if (newDoc.clinic_code !== undefined && newDoc.clinic_code !== ${JSON.stringify(code)}) {
    throw({ forbidden: '记录属于其他机构（clinic_code 不符），本院数据库不收。' });
  }
}`;
}

function fail(response: AdminResponse, what: string): never {
  const error = classifySyncError({ status: response.status, name: String(response.body.error ?? ''), message: String(response.body.reason ?? '') });
  throw new CountySetupError(error.code, `${what}失败：${error.message}`, `${response.status} ${JSON.stringify(response.body)}`);
}

async function ensureDatabase(admin: CouchAdmin, name: string): Promise<SetupStepOutcome> {
  const existing = await admin.request('GET', `/${encodeURIComponent(name)}`);
  if (existing.status === 200) return 'unchanged';
  if (existing.status !== 404) fail(existing, `检查数据库 ${name} `);
  const created = await admin.request('PUT', `/${encodeURIComponent(name)}`);
  if (created.status === 201 || created.status === 202) return 'created';
  if (created.status === 412) return 'unchanged';
  fail(created, `创建数据库 ${name} `);
}

async function ensureUser(admin: CouchAdmin, name: string, password: string, role = CLINIC_ROLE): Promise<SetupStepOutcome> {
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const existing = await admin.request('GET', path);
  if (existing.status === 404) {
    const created = await admin.request('PUT', path, { name, password, roles: [role], type: 'user' });
    if (created.status === 201 || created.status === 202) return 'created';
    fail(created, `创建同步账号 ${name} `);
  }
  if (existing.status !== 200) fail(existing, `检查同步账号 ${name} `);
  const roles = Array.isArray(existing.body.roles) ? (existing.body.roles as string[]) : [];
  const updated = await admin.request('PUT', path, {
    ...existing.body,
    password,
    roles: roles.includes(role) ? roles : [...roles, role],
  });
  if (updated.status === 201 || updated.status === 202) return 'updated';
  fail(updated, `更新同步账号 ${name} 的密码`);
}

async function ensureSecurity(admin: CouchAdmin, database: string, security: Record<string, unknown>): Promise<SetupStepOutcome> {
  const path = `/${encodeURIComponent(database)}/_security`;
  const current = await admin.request('GET', path);
  if (current.status === 200 && JSON.stringify(current.body) === JSON.stringify(security)) return 'unchanged';
  const put = await admin.request('PUT', path, security);
  if (put.status === 200 || put.status === 201) return 'updated';
  fail(put, `设置数据库 ${database} 的访问权限`);
}

async function ensureDesign(admin: CouchAdmin, database: string, id: string, validate: string): Promise<SetupStepOutcome> {
  const path = `/${encodeURIComponent(database)}/${id}`;
  const current = await admin.request('GET', path);
  if (current.status === 200 && current.body.validate_doc_update === validate) return 'unchanged';
  const body = { _id: id, ...(current.status === 200 ? { _rev: current.body._rev } : {}), validate_doc_update: validate };
  const put = await admin.request('PUT', path, body);
  if (put.status === 201 || put.status === 202) return current.status === 200 ? 'updated' : 'created';
  fail(put, `写入数据库 ${database} 的校验规则`);
}

/** The `_replicator` document that keeps copying one clinic's database into the county-wide one, as the merge account. */
export function mergeReplicationDoc(
  input: { readonly serverUrl: string; readonly mergePassword: string },
  clinicDatabase: string,
  merge: { database: string; endpoints: 'url' | 'name' },
): Record<string, unknown> {
  const endpoint = (database: string): unknown =>
    merge.endpoints === 'name'
      ? database
      : {
          url: `${input.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(database)}`,
          auth: { basic: { username: MERGE_USER, password: input.mergePassword } },
        };
  return { _id: `merge_${clinicDatabase}`, source: endpoint(clinicDatabase), target: endpoint(merge.database), continuous: true };
}

/** Who a stored merge document runs as (CouchDB shows the credentials to admins). */
function mergeRunsAs(doc: Record<string, unknown>): string | null {
  const source = doc.source as { auth?: { basic?: { username?: unknown } } } | string | undefined;
  if (typeof source === 'string') return null;
  const name = source?.auth?.basic?.username;
  return typeof name === 'string' ? name : null;
}

async function ensureMerge(
  admin: CouchAdmin,
  input: CountySetupInput,
  clinicDatabase: string,
  merge: { database: string; endpoints: 'url' | 'name' },
): Promise<SetupStepOutcome> {
  const doc = mergeReplicationDoc({ serverUrl: input.serverUrl, mergePassword: input.mergePassword ?? '' }, clinicDatabase, merge);
  const path = `/_replicator/${encodeURIComponent(String(doc._id))}`;
  const current = await admin.request('GET', path);
  // An older job that ran as the server admin (or with another password) is replaced.
  const same =
    current.status === 200 &&
    (merge.endpoints === 'name' || (mergeRunsAs(current.body) === MERGE_USER && JSON.stringify(current.body.source) === JSON.stringify(doc.source)));
  if (same) return 'unchanged';
  const put = await admin.request('PUT', path, current.status === 200 ? { ...doc, _rev: current.body._rev } : doc);
  if (put.status === 201 || put.status === 202) return current.status === 200 ? 'updated' : 'created';
  fail(put, `设置 ${clinicDatabase} 的汇总复制`);
}

/**
 * The address must be the server's, not a database's: `…:6984/clinic_xz01` would otherwise be
 * answered 404 for `_session`, and read as "not an admin".
 */
async function checkServerUrl(admin: CouchAdmin, serverUrl: string): Promise<void> {
  const root = await admin.request('GET', '/');
  if (root.status === 200 && typeof root.body.db_name === 'string') {
    const base = serverUrl.replace(/\/+$/, '').replace(/\/[^/]*$/, '');
    throw new CountySetupError(
      'SETUP_URL_IS_DATABASE',
      `--url 指向的是数据库 ${root.body.db_name}，不是县级平台服务器。请只写到服务器地址（例如 ${base}），数据库名由 --clinic 决定。`,
    );
  }
  if (root.status === 404 || (root.status === 200 && root.body.couchdb === undefined && root.body['express-pouchdb'] === undefined)) {
    throw new CountySetupError(
      'SETUP_URL_IS_DATABASE',
      `--url ${serverUrl} 不是 CouchDB 服务器的根地址（那里没有 CouchDB 的欢迎信息）。请只写到服务器地址，例如 https://county.example.cn:6984。`,
    );
  }
}

export async function countySetup(input: CountySetupInput): Promise<CountySetupResult> {
  if (!CLINIC_CODE.test(input.clinicCode)) {
    throw new CountySetupError('SETUP_INVALID_INPUT', '机构编码只能用小写字母、数字、下划线和连字符，2–31 位');
  }
  if (input.mergeInto?.endpoints === 'url' && (input.mergePassword ?? '').length < 12) {
    throw new CountySetupError(
      'SETUP_INVALID_INPUT',
      '汇总复制用的 county_merge 账号需要一个至少 12 位的密码（--merge-password 或环境变量 COUNTY_MERGE_PASSWORD），不能用服务器管理员的密码。',
    );
  }
  if (input.clinicPassword.length < 12) {
    throw new CountySetupError('SETUP_INVALID_INPUT', '同步账号的密码至少 12 位（它在网上传输，要比本机登录密码更长）');
  }
  const admin = couchAdmin({ serverUrl: input.serverUrl, user: input.adminUser, password: input.adminPassword, fetch: input.fetch });
  const steps: Array<{ step: string; outcome: SetupStepOutcome }> = [];
  const clinicDatabase = clinicDatabaseName(input.clinicCode);
  const referenceDatabase = input.referenceDatabase ?? REFERENCE_DATABASE;

  try {
    // https://docs.couchdb.org/en/stable/api/server/authn.html#get--_session
    await checkServerUrl(admin, input.serverUrl);
    const session = await admin.request('GET', '/_session');
    if (session.status === 401) fail(session, '县级平台管理员登录');
    const userCtx = session.body.userCtx as { roles?: unknown } | undefined;
    if (!Array.isArray(userCtx?.roles) || !userCtx.roles.includes('_admin')) {
      throw new CountySetupError('SETUP_NOT_ADMIN', '所给账号不是县级平台的服务器管理员，无法开通机构数据库。');
    }

    steps.push({ step: `数据库 ${clinicDatabase}`, outcome: await ensureDatabase(admin, clinicDatabase) });
    steps.push({ step: `同步账号 ${clinicDatabase}`, outcome: await ensureUser(admin, clinicDatabase, input.clinicPassword) });
    steps.push({
      step: `${clinicDatabase} 的访问权限`,
      // The merge account reads every clinic database through its role; no other clinic can.
      outcome: await ensureSecurity(admin, clinicDatabase, {
        admins: { names: [], roles: [] },
        members: { names: [clinicDatabase], roles: input.mergeInto ? [MERGE_USER] : [] },
      }),
    });
    steps.push({
      step: `${clinicDatabase} 的校验规则`,
      outcome: await ensureDesign(admin, clinicDatabase, '_design/clinic', clinicValidate(input.clinicCode)),
    });

    steps.push({ step: `参考数据库 ${referenceDatabase}`, outcome: await ensureDatabase(admin, referenceDatabase) });
    steps.push({
      step: `${referenceDatabase} 的访问权限`,
      outcome: await ensureSecurity(admin, referenceDatabase, { admins: { names: [], roles: [] }, members: { names: [], roles: [CLINIC_ROLE] } }),
    });
    steps.push({ step: `${referenceDatabase} 的只读规则`, outcome: await ensureDesign(admin, referenceDatabase, '_design/readonly', REFERENCE_VALIDATE) });
    if (input.mergeInto) {
      steps.push({ step: `县级汇总库 ${input.mergeInto.database}`, outcome: await ensureDatabase(admin, input.mergeInto.database) });
      if (input.mergeInto.endpoints === 'url') {
        steps.push({ step: `汇总账号 ${MERGE_USER}`, outcome: await ensureUser(admin, MERGE_USER, input.mergePassword ?? '', MERGE_USER) });
        steps.push({
          step: `${input.mergeInto.database} 的访问权限`,
          outcome: await ensureSecurity(admin, input.mergeInto.database, { admins: { names: [], roles: [] }, members: { names: [MERGE_USER], roles: [] } }),
        });
      }
      steps.push({ step: `${clinicDatabase} 汇总到 ${input.mergeInto.database}`, outcome: await ensureMerge(admin, input, clinicDatabase, input.mergeInto) });
    }
  } catch (error) {
    if (error instanceof CountySetupError) throw error;
    const classified = classifySyncError(error);
    throw new CountySetupError(classified.code, classified.message, classified.detail);
  }
  return { clinicDatabase, clinicUser: clinicDatabase, referenceDatabase, steps };
}
