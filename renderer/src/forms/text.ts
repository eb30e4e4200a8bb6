/** Generic form messages, used when the contract gives none of its own. */
export const FORM_TEXT = {
  required: '此项必填',
  badFormat: '格式不对',
  tooShort: '内容太短',
  tooLong: '内容太长',
} as const;
