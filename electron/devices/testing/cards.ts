import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CardHolder } from '../card-reader/card-holder';
import { virtualCardSchema, type VirtualCardData } from '../simulator/card-file';

function exampleCard(name: string): VirtualCardData {
  const path = fileURLToPath(new URL(`../simulator/cards/${name}`, import.meta.url));
  return virtualCardSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The two example cards shipped with the simulator, and what reading each must give. */
export const RESIDENT_HEALTH_CARD = exampleCard('resident-health.json');
export const SOCIAL_SECURITY_CARD = exampleCard('social-security.json');

export const RESIDENT_HEALTH_HOLDER: CardHolder = {
  cardKind: 'resident_health',
  name: '王秀英',
  sex: '2',
  ethnicity: '01',
  birthDate: '1956-03-14',
  idNumber: '330783195603141282',
  cardNumber: '3307830001234567',
  address: '浙江省金华市东阳市横店镇八仙村三组12号',
  phone: '13905791234',
};

export const SOCIAL_SECURITY_HOLDER: CardHolder = {
  cardKind: 'social_security',
  name: '张建国',
  sex: '1',
  ethnicity: '01',
  birthDate: '1962-11-02',
  idNumber: '330783196211022131',
  cardNumber: 'A33078300098765',
  insuranceNumber: '330783196211022131',
  divisionCode: '330783',
};

/** A copy of `card` with some holder fields replaced (or removed, with undefined). */
export function withHolder(card: VirtualCardData, change: Partial<Record<keyof VirtualCardData['holder'], string | undefined>>): VirtualCardData {
  const holder: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...card.holder, ...change })) if (value !== undefined) holder[key] = value;
  return { ...card, holder };
}
