import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ApiError, PageSetView } from '../../../../../shared/api';
import { useClient } from '../../../app/client-context';
import { Button, ErrorBanner } from '../../../ui';
import { SCANS_TEXT as T } from './text';

const ZOOMS = [25, 50, 75, 100, 150, 200] as const;

/**
 * One page set's pages, one at a time: zoom, rotation and paging from the keyboard (+ − R ← →) while
 * the viewer has the focus, and the page's machine-read text beside it, marked as such.
 */
export function PageViewer({ pageSetId }: { readonly pageSetId: string }) {
  const client = useClient();
  const [set, setSet] = useState<PageSetView | null>(null);
  const [index, setIndex] = useState(0);
  const [zoom, setZoom] = useState(2);
  const [turn, setTurn] = useState(0);
  const [image, setImage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    void client.api.records.pageSet({ id: pageSetId }).then((result) => (result.ok ? setSet(result.value) : setError(result.error)));
  }, [client, pageSetId]);

  const page = set?.pages[index];
  useEffect(() => {
    if (!page) return;
    setTurn(page.rotation);
    void client.api.records.pageImage({ id: pageSetId, attachment: page.attachment }).then((result) => {
      if (result.ok) setImage(`data:${result.value.contentType};base64,${result.value.dataBase64}`);
      else setError(result.error);
    });
  }, [client, pageSetId, page]);

  if (error) return <ErrorBanner error={error} />;
  if (!set || !page) return <p className="text-ink-soft">{T.loading}</p>;

  const go = (step: number) => setIndex((i) => Math.min(set.pages.length - 1, Math.max(0, i + step)));
  const zoomBy = (step: number) => setZoom((z) => Math.min(ZOOMS.length - 1, Math.max(0, z + step)));
  const rotate = () => setTurn((r) => (r + 90) % 360);
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const actions: Record<string, () => void> = {
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      r: rotate,
      R: rotate,
      ArrowLeft: () => go(-1),
      ArrowRight: () => go(1),
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    action();
  };
  const scale = ZOOMS[zoom] / 100;

  return (
    <div
      data-testid="page-viewer"
      data-page={index + 1}
      data-zoom={ZOOMS[zoom]}
      data-rotation={turn}
      tabIndex={0}
      onKeyDown={onKey}
      className="grid gap-2 outline-none focus:ring-2 focus:ring-primary"
    >
      <div className="flex items-center gap-2 text-sm">
        <Button size="small" tone="secondary" onClick={() => go(-1)}>
          {T.previous}
        </Button>
        <span data-testid="page-number">{T.page(index + 1, set.pages.length)}</span>
        <Button size="small" tone="secondary" onClick={() => go(1)}>
          {T.next}
        </Button>
        <Button size="small" tone="ghost" onClick={() => zoomBy(-1)}>
          {T.zoomOut}
        </Button>
        <span>{T.zoom(ZOOMS[zoom])}</span>
        <Button size="small" tone="ghost" onClick={() => zoomBy(1)}>
          {T.zoomIn}
        </Button>
        <Button size="small" tone="ghost" onClick={rotate}>
          {T.rotate}
        </Button>
        <span className="text-muted">{T.keys}</span>
      </div>
      <div className="grid grid-cols-[2fr_1fr] gap-3">
        <div className="h-[32rem] overflow-auto border border-border bg-canvas">
          {image && (
            <img
              src={image}
              alt={page.source}
              data-testid="page-image"
              style={{ width: page.width * 0.25 * scale, transform: `rotate(${turn}deg)`, transformOrigin: 'center' }}
            />
          )}
        </div>
        <div className="text-sm">
          <p className="font-semibold">{T.machineRead}</p>
          <pre data-testid="page-ocr-text" className="whitespace-pre-wrap text-ink-soft">
            {page.ocrText ?? T.notRead}
          </pre>
        </div>
      </div>
    </div>
  );
}
