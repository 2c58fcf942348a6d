import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcon } from '../../../scripts/make-icons.js';
import { encodePng } from '../../../scripts/png.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ICONS = path.join(ROOT, 'extension', 'icons');

/** Reads an 8-bit RGBA, filter-0 PNG (what encodePng writes); throws on anything else. */
function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks = new Map<string, Buffer[]>();
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), png.subarray(offset + 8, offset + 8 + length)]);
    offset += 12 + length;
  }
  const header = chunks.get('IHDR')?.[0];
  if (header === undefined) throw new Error('no IHDR chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  const raw = inflateSync(Buffer.concat(chunks.get('IDAT') ?? []));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
    expect(row[0]).toBe(0);
    rgba.set(row.subarray(1), y * width * 4);
  }
  return { width, height, rgba };
}

describe('the extension icons', () => {
  it('exist at exactly the sizes the manifest declares', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { icons: Record<string, string> };
    expect(Object.keys(manifest.icons).map(Number)).toEqual([...ICON_SIZES]);
    for (const [size, file] of Object.entries(manifest.icons)) expect(file).toBe(`icons/icon-${size}.png`);
    expect(readdirSync(ICONS).sort()).toEqual(ICON_SIZES.map((size) => `icon-${size}.png`).sort());
  });

  it('are the images scripts/make-icons.ts draws, so they can be regenerated', () => {
    for (const size of ICON_SIZES) {
      const png = decodePng(readFileSync(path.join(ICONS, `icon-${size}.png`)));
      expect({ width: png.width, height: png.height }).toEqual({ width: size, height: size });
      expect(Buffer.from(png.rgba).equals(Buffer.from(renderIcon(size)))).toBe(true);
    }
  });

  it('have transparent corners and an opaque centre', () => {
    for (const size of ICON_SIZES) {
      const rgba = renderIcon(size);
      expect(rgba[3]).toBe(0);
      const centre = ((size / 2) * size + size / 2) * 4;
      expect(rgba[centre + 3]).toBe(255);
    }
  });
});

describe('encodePng', () => {
  it('round-trips pixels', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    expect(decodePng(encodePng(3, 2, rgba))).toEqual({ width: 3, height: 2, rgba });
  });

  it('refuses pixel data of the wrong length', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(RangeError);
  });
});
