import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * A virtual card as a JSON file (see cards/*.json). The holder fields are deliberately not validated
 * like a real read is: a test card may carry a wrong check digit or a bad date on purpose, to prove
 * the app rejects it. `files` overrides whole files with raw bytes (hex) or removes them (null), for
 * damage no holder field can express. Paths are "DF01/0016" (application DF / EF).
 */
export const virtualCardSchema = z
  .object({
    kind: z.enum(['resident_health', 'social_security']),
    /** Shown by the simulator only. */
    label: z.string().optional(),
    /** Hex; a plausible T=0 ATR by default. */
    atr: z
      .string()
      .regex(/^([0-9a-fA-F]{2})+$/)
      .optional(),
    /** A card that gives no ATR (dirty contacts): power-on fails with the reader's "card mute". */
    mute: z.boolean().optional(),
    holder: z
      .object({
        name: z.string(),
        sex: z.string(),
        ethnicity: z.string(),
        birthDate: z.string(),
        idNumber: z.string(),
        cardNumber: z.string(),
        insuranceNumber: z.string(),
        address: z.string(),
        phone: z.string(),
        divisionCode: z.string(),
      })
      .partial()
      .strict(),
    files: z
      .record(
        z.string().regex(/^[0-9A-Fa-f]{4}\/[0-9A-Fa-f]{4}$/),
        z
          .string()
          .regex(/^([0-9a-fA-F]{2})*$/)
          .nullable(),
      )
      .optional(),
  })
  .strict();

export type VirtualCardData = z.infer<typeof virtualCardSchema>;

export async function loadVirtualCard(path: string): Promise<VirtualCardData> {
  const text = await readFile(path, 'utf8');
  const parsed = virtualCardSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`卡片文件 ${path} 格式不对：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return parsed.data;
}
