import type { DeviceKindName } from '../../../../shared/api/devices';
import { Button, DataTable, type Column } from '../../ui';
import type { DevicePorts } from './devices-state';
import { DEVICE_TEXT as T } from './text';

type Port = DevicePorts['ports'][number];
const KINDS: ReadonlyArray<DeviceKindName> = ['card_reader', 'scanner'];

/** 本机串口: the serial ports this PC has, each one a click from being used for the reader or the scanner. */
export function DevicePortList({
  ports,
  onRefresh,
  onUse,
}: {
  readonly ports: DevicePorts | null;
  readonly onRefresh: () => void;
  readonly onUse: (kind: DeviceKindName, path: string) => void;
}) {
  const [path, manufacturer, serialNumber, use] = T.portColumns;
  const columns: ReadonlyArray<Column<Port>> = [
    { key: 'path', header: path, width: '10rem', cell: (p) => p.path, sortValue: (p) => p.path, className: 'font-mono' },
    { key: 'manufacturer', header: manufacturer, cell: (p) => p.manufacturer ?? '', fullText: (p) => p.manufacturer ?? '' },
    { key: 'serialNumber', header: serialNumber, cell: (p) => p.serialNumber ?? '', fullText: (p) => p.serialNumber ?? '', className: 'font-mono' },
    {
      key: 'use',
      header: use,
      width: '14rem',
      align: 'end',
      cell: (p) =>
        KINDS.map((kind) => (
          <Button key={kind} size="small" className="ml-2" onClick={() => onUse(kind, p.path)}>
            {T.usePortFor(T.kinds[kind])}
          </Button>
        )),
    },
  ];
  return (
    <div className="grid gap-2" data-testid="port-list">
      <div className="flex items-center gap-3">
        <h3 className="font-semibold">{T.ports}</h3>
        <Button size="small" onClick={onRefresh}>
          {T.refreshPorts}
        </Button>
      </div>
      {ports?.error && <p className="text-warning-strong">{ports.error}</p>}
      {ports && ports.ports.length === 0 && !ports.error && <p className="text-muted">{T.noPorts}</p>}
      {ports && ports.ports.length > 0 && (
        <div className="text-sm">
          <DataTable label={T.ports} columns={columns} rows={ports.ports} rowKey={(p) => p.path} dense />
        </div>
      )}
    </div>
  );
}
