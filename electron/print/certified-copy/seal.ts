/**
 * 病案复印专用章: the clinic's red seal drawn with vector paths — a ring, a five-pointed star in the
 * middle, the clinic's name along the upper arc and 病案复印专用章 in a line under the star, as
 * official round seals are laid out. Vector, not an image, so it stays sharp at any printer's
 * resolution and adds a few hundred bytes per page. Its words are drawn text like the rest, so they
 * are covered by the copy's digest (README.md).
 */
import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';

export const SEAL_TITLE = '病案复印专用章';
const SEAL_RED = rgb(0.85, 0.07, 0.07);

/** Draws a string; returns it so the caller records exactly what was drawn. */
export type DrawString = (
  text: string,
  options: { x: number; y: number; size: number; rotate?: number; color: ReturnType<typeof rgb>; opacity?: number },
) => void;

/** The five points and five notches of a star of outer radius `r`, pointing up, as an SVG path (y down). */
function starPath(r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? r : r * 0.382;
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(radius * Math.cos(angle)).toFixed(2)} ${(-radius * Math.sin(angle)).toFixed(2)}`);
  }
  return `M ${points.join(' L ')} Z`;
}

/**
 * The seal centred at (cx, cy) with outer radius `r`. The name runs clockwise over 240° of the top,
 * each character upright to the rim; a long name gets smaller characters so it never overlaps itself.
 */
export function drawSeal(page: PDFPage, font: PDFFont, draw: DrawString, clinicName: string, cx: number, cy: number, r: number): void {
  page.drawCircle({ x: cx, y: cy, size: r, borderColor: SEAL_RED, borderWidth: r * 0.06, opacity: 0, borderOpacity: 0.9 });
  page.drawSvgPath(starPath(r * 0.28), { x: cx, y: cy + r * 0.05, color: SEAL_RED, opacity: 0.9, borderWidth: 0 });

  const characters = Array.from(clinicName);
  const ringRadius = r * 0.8;
  // At most 240° of the rim; a short name keeps its characters a little apart, centred on the top.
  const size = Math.min(r * 0.24, ((((240 * Math.PI) / 180) * ringRadius) / Math.max(characters.length, 1)) * 0.9);
  const span = Math.min((240 * Math.PI) / 180, ((characters.length - 1) * size * 1.25) / ringRadius);
  const baseline = ringRadius - size * 0.5;
  characters.forEach((character, i) => {
    const theta = Math.PI / 2 + span / 2 - (characters.length === 1 ? span / 2 : (i * span) / (characters.length - 1));
    const phi = theta - Math.PI / 2;
    const half = font.widthOfTextAtSize(character, size) / 2;
    draw(character, {
      x: cx + baseline * Math.cos(theta) - half * Math.cos(phi),
      y: cy + baseline * Math.sin(theta) - half * Math.sin(phi),
      size,
      rotate: (phi * 180) / Math.PI,
      color: SEAL_RED,
      opacity: 0.9,
    });
  });

  const titleSize = r * 0.15;
  const titleWidth = font.widthOfTextAtSize(SEAL_TITLE, titleSize);
  draw(SEAL_TITLE, { x: cx - titleWidth / 2, y: cy - r * 0.5, size: titleSize, color: SEAL_RED, opacity: 0.9 });
}
