import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A search box with a result list picked by ↑ ↓ and Enter (diagnoses, drugs): the query is sent a
 * moment after typing stops, and an answer to an older query is dropped.
 */
export function useSearchList<Hit>(search: (query: string) => Promise<ReadonlyArray<Hit>>, onPick: (hit: Hit) => void) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ReadonlyArray<Hit>>([]);
  const [cursor, setCursor] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const call = ++latest.current;
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    const timer = window.setTimeout(() => {
      void search(query).then((found) => {
        if (call !== latest.current) return;
        setHits(found);
        setCursor(0);
      });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [query, search]);

  const pick = (hit: Hit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setQuery('');
    setHits([]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setCursor((c) => Math.max(0, Math.min(hits.length - 1, c + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(hits[cursor]);
    }
  };

  return { query, setQuery, hits, cursor, pick, onKeyDown };
}
