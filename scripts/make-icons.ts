// Draws the extension icon (a deep-blue shield with three white rising bars: the shareholder's holdings)
// and writes it as PNGs into extension/icons/. Run: npx tsx scripts/make-icons.ts
// The shapes sit on a 16-unit grid, so every edge falls on a pixel boundary at 16, 32, 48, 96 and 128 px
// and the smallest icons stay crisp instead of blurring.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodePng } from './png.js';

/** The icon sizes the manifest declares (toolbar 16/32, management page 48, Firefox 96, store 128). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const GRID = 16;
const SHIELD = { halfWidth: 6 / GRID, top: 1 / GRID, shoulder: 8.5 / GRID, tip: 15.5 / GRID, corner: 3 / GRID };
const BARS = [
  { left: 4, top: 8 },
  { left: 7, top: 6 },
  { left: 10, top: 4 },
].map((bar) => ({ left: bar.left / GRID, right: (bar.left + 2) / GRID, top: bar.top / GRID }));
const BASELINE = 11 / GRID;
const BAR_RADIUS = 0.3 / GRID;
const TOP_BLUE = [0x1f, 0x4f, 0xd1] as const;
const BOTTOM_BLUE = [0x15, 0x2c, 0x78] as const;
const SAMPLES = 8; // 8x8 samples per pixel for anti-aliased edges

function insideShield(x: number, y: number): boolean {
  const dx = Math.abs(x - 0.5);
  if (y < SHIELD.top || y > SHIELD.tip) return false;
  if (y <= SHIELD.shoulder) {
    if (dx > SHIELD.halfWidth) return false;
    const cornerX = SHIELD.halfWidth - SHIELD.corner;
    const cornerY = SHIELD.top + SHIELD.corner;
    if (dx > cornerX && y < cornerY) return Math.hypot(dx - cornerX, y - cornerY) <= SHIELD.corner;
    return true;
  }
  // Below the shoulder the sides close in along a parabola: smooth where they meet the straight sides,
  // pointed at the tip.
  const t = (y - SHIELD.shoulder) / (SHIELD.tip - SHIELD.shoulder);
  return dx <= SHIELD.halfWidth * (1 - t * t);
}

function insideGlyph(x: number, y: number): boolean {
  return BARS.some((bar) => {
    if (x < bar.left || x > bar.right || y < bar.top || y > BASELINE) return false;
    // Round the top corners slightly so the bars read as a mark, not as a bitmap, at large sizes.
    const cx = Math.min(Math.max(x, bar.left + BAR_RADIUS), bar.right - BAR_RADIUS);
    const cy = Math.max(y, bar.top + BAR_RADIUS);
    return Math.hypot(x - cx, y - cy) <= BAR_RADIUS;
  });
}

function shieldColour(y: number): readonly number[] {
  const t = Math.min(Math.max((y - SHIELD.top) / (SHIELD.tip - SHIELD.top), 0), 1);
  return TOP_BLUE.map((top, i) => top + ((BOTTOM_BLUE[i] ?? top) - top) * t);
}

/** The icon at `size` px as straight RGBA bytes, row by row. */
export function renderIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!insideShield(x, y)) continue;
          const colour = insideGlyph(x, y) ? [255, 255, 255] : shieldColour(y);
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (colour[c] ?? 0);
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered === 0) continue; // transparent outside the shield
      for (let c = 0; c < 3; c++) rgba[offset + c] = Math.round((sum[c] ?? 0) / covered);
      rgba[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

/** Writes `icon-<size>.png` for every size in ICON_SIZES into `dir`. */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    return file;
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const file of writeIcons(path.join(root, 'extension', 'icons'))) console.log(`wrote ${path.relative(root, file)}`);
}
