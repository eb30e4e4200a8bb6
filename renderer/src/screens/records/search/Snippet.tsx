import type { SnippetPart } from '../../../../../shared/api';

/** A snippet with its matches marked; text only, never HTML from the record. */
export function Snippet({ parts }: { readonly parts: ReadonlyArray<SnippetPart> }) {
  return (
    <span data-snippet>
      {parts.map((part, i) =>
        part.mark ? (
          <mark key={i} className="rounded-sm bg-warning-soft px-0.5 text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
