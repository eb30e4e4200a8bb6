import { describe, expect, it } from 'vitest';
import { insertPhraseAt } from './note-form';

describe('inserting a 常用语 at the cursor', () => {
  it('puts it where the cursor is, not at the end, with the cursor after it', () => {
    expect(insertPhraseAt('神清。双下肢无水肿。', 3, 3, '心肺未见异常。')).toEqual({ text: '神清。心肺未见异常。双下肢无水肿。', caret: 10 });
  });

  it('joins it to a phrase left open with a comma, and replaces a selection', () => {
    expect(insertPhraseAt('神清', 2, 2, '心肺未见异常')).toEqual({ text: '神清，心肺未见异常', caret: 9 });
    expect(insertPhraseAt('血压高', 0, 3, '血压 150/95mmHg')).toEqual({ text: '血压 150/95mmHg', caret: 13 });
    expect(insertPhraseAt('', 0, 0, '无')).toEqual({ text: '无', caret: 1 });
  });
});
