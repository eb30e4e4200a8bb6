import { describe, expect, it } from 'vitest';
import { snippetOf } from './snippet';

const marked = (parts: ReturnType<typeof snippetOf>) => parts.filter((p) => p.mark).map((p) => p.text);

describe('snippets', () => {
  it('mark every match of every term, as written in the record', () => {
    const parts = snippetOf('患者咳嗽三天，HbA1c 7.2%，社区获得性肺炎', 'hba1c 肺炎 咳');
    expect(marked(parts)).toEqual(['咳', 'HbA1c', '肺炎']);
    expect(parts.map((p) => p.text).join('')).toBe('患者咳嗽三天，HbA1c 7.2%，社区获得性肺炎');
  });

  it('cut a long text around the first match', () => {
    const text = `${'无'.repeat(200)}肺炎${'有'.repeat(200)}`;
    const parts = snippetOf(text, '肺炎');
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(marked(parts)).toEqual(['肺炎']);
    expect(parts[parts.length - 1]).toEqual({ text: '…', mark: false });
  });
});
