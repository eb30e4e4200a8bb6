/** Words used by the shared components. */
export const COMPONENT_TEXT = {
  dismiss: '关闭',
  optional: '（选填）',
} as const;
