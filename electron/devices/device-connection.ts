import { createBackoff, type Backoff, type BackoffOptions } from '../../shared/time/backoff';
import { schedule, type CancelTimer, type Clock } from '../../shared/time/clock';
import type { DeviceConfig } from './device-config';
import { connectingState, disconnectedState, errorState, readyState, sameState, type DeviceState } from './device-state';
import { DeviceError, type DeviceErrorCode } from './errors';
import { Listeners, type Unsubscribe } from './listeners';
import type { BytePort, PortOpener } from './port/byte-port';

/**
 * Reconnect delays: doubling from 250 ms, capped at 3 s. No jitter: a front desk has one reader and
 * one scanner, not a fleet hammering one server. The cap is short because a registrar who plugs the
 * reader back in expects it back within a few seconds.
 */
export const DEFAULT_RECONNECT_BACKOFF: Readonly<BackoffOptions> = { initialMs: 250, maxMs: 3000, factor: 2, jitter: 0 };

/** What a connection does with its port once open. */
export interface SessionFactory<S> {
  /**
   * Checks the device answers and builds what uses the port; throws a DeviceError if it does not.
   * Once started, the session calls `fail` when it finds the device dead (it stopped answering).
   */
  start(port: BytePort, connection: { fail(code: DeviceErrorCode, detail?: string): void }): Promise<S>;
  stop(session: S): void;
}

/**
 * Keeps one configured device connected: opens its port, hands it to a session, and when the port
 * closes under it (cable pulled) or the session finds the device dead, reports it and reopens with
 * backoff until the device is back. A reconnect relies on the configured path staying the same
 * (COM3, /dev/ttyUSB0, or a simulator's symlink).
 */
export class DeviceConnection<S> {
  private readonly states = new Listeners<DeviceState>();
  private current: DeviceState;
  private active: { port: BytePort; session: S; offClose: Unsubscribe } | null = null;
  private cancelRetry: CancelTimer | null = null;
  private readonly retryDelays: Backoff;
  /** Set once the device has been ready: a failed reopen then reads "unplugged", not "cannot open". */
  private lost = false;
  private running = false;
  /** Bumped on stop, so an open that completes after stop() knows to close its port again. */
  private generation = 0;

  constructor(
    readonly config: DeviceConfig,
    private readonly factory: SessionFactory<S>,
    private readonly openPort: PortOpener,
    private readonly clock: Clock,
    backoff: BackoffOptions,
  ) {
    this.retryDelays = createBackoff(backoff);
    this.current = disconnectedState(config.kind, config.path);
  }

  get state(): DeviceState {
    return this.current;
  }

  /** The live session, only while the device is ready. */
  get session(): S | null {
    return this.current.status === 'ready' ? (this.active?.session ?? null) : null;
  }

  onState(listener: (state: DeviceState) => void): Unsubscribe {
    return this.states.add(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lost = false;
    this.retryDelays.reset();
    this.setState(connectingState(this.config.kind, this.config.path));
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    this.cancelRetry?.();
    this.cancelRetry = null;
    await this.release();
  }

  private async connect(): Promise<void> {
    const generation = this.generation;
    let port: BytePort | null = null;
    try {
      port = await this.openPort({ path: this.config.path, baudRate: this.config.baudRate });
      if (generation !== this.generation) return void (await port.close());
      const opened = port;
      const session = await this.factory.start(opened, {
        fail: (code, detail) => void this.deviceFailed(opened, code, detail),
      });
      if (generation !== this.generation) {
        this.factory.stop(session);
        return void (await opened.close());
      }
      const offClose = opened.onClose((closed) => {
        if (closed.unexpected) void this.portLost(opened, closed.reason);
      });
      this.active = { port: opened, session, offClose };
      if (!opened.isOpen) return void this.portLost(opened, 'closed during start-up');
      this.retryDelays.reset();
      this.lost = false;
      this.setState(readyState(this.config.kind, this.config.path));
    } catch (error) {
      if (port !== null) await port.close().catch(() => undefined);
      if (generation !== this.generation) return;
      const code = error instanceof DeviceError ? error.code : 'port_open_failed';
      const detail = error instanceof DeviceError ? error.detail : String(error);
      this.setState(this.lost ? disconnectedState(this.config.kind, this.config.path) : errorState(this.config.kind, this.config.path, code, detail));
      this.scheduleRetry();
    }
  }

  private async portLost(port: BytePort, reason: string | undefined): Promise<void> {
    if (this.active?.port !== port) return;
    await this.release();
    this.lost = true;
    this.setState({ ...disconnectedState(this.config.kind, this.config.path), ...(reason === undefined ? {} : { detail: reason }) });
    this.scheduleRetry();
  }

  private async deviceFailed(port: BytePort, code: DeviceErrorCode, detail: string | undefined): Promise<void> {
    // Only a ready session reports a dead device; during start-up, failure is a thrown error.
    if (this.active?.port !== port) return;
    await this.release();
    this.setState(errorState(this.config.kind, this.config.path, code, detail));
    this.scheduleRetry();
  }

  private async release(): Promise<void> {
    const active = this.active;
    this.active = null;
    if (active === null) return;
    active.offClose();
    this.factory.stop(active.session);
    await active.port.close().catch(() => undefined);
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    this.cancelRetry?.();
    const delay = this.retryDelays.next();
    this.cancelRetry = schedule(this.clock, delay, () => {
      this.cancelRetry = null;
      if (this.running) void this.connect();
    });
  }

  private setState(next: DeviceState): void {
    if (sameState(this.current, next)) return;
    this.current = next;
    this.states.emit(next);
  }
}
