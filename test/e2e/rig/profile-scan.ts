/**
 * Search a closed browser profile for secrets, where and how browsers actually write them
 * (shared/browser-testing.md, "Scanning a browser profile for secrets"). Close the browser first so
 * everything is flushed, and prove a scan by planting a known string (test/e2e/rig-selftest).
 *
 * What is decoded: LevelDB tables (every data block, Snappy or plain, and the rebuilt keys) and logs
 * (records reassembled across 32 KiB blocks); SQLite databases and WAL files (every b-tree cell,
 * overflow chains followed, every BLOB tried as raw Snappy: Firefox IndexedDB); Chromium's
 * Snappy-wrapped IndexedDB values (FF 11 02) and framed Snappy streams wherever they occur; mozlz4
 * files (any name). Everything is also searched raw.
 * Limits: see test/e2e/README.md.
 */
import { lstat, readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileChunks, type Chunk, type Undecodable } from './scan/containers';
import { secretPatterns, type Secret, type SecretPatterns, type WordSequence } from './scan/needles';

export type { Secret } from './scan/needles';

/** One place a secret was found. */
export interface Finding {
  /** The file, relative to the profile directory. */
  file: string;
  /** The secret's label. */
  label: string;
  /** The encoding that matched, e.g. "utf-16le", "hex", "base64 (offset 1 mod 3)". */
  encoding: string;
  /** How the bytes were reached: "raw", "leveldb table block", "sqlite blob > snappy", "mozlz4", ... */
  container: string;
}

export interface ScanReport {
  findings: Finding[];
  filesScanned: number;
  bytesScanned: number;
  /** Containers recognised but not decodable (searched raw only), with the file they are in. */
  undecodable: (Undecodable & { file: string })[];
  /** How many decoded chunks of each kind were searched, e.g. { "mozlz4": 9, "sqlite blob > snappy": 40 }. */
  decoded: Record<string, number>;
}

export interface ScanOptions {
  /** Decode containers (default true). `false` searches raw bytes only, to show what decoding adds. */
  decode?: boolean;
}

/** Files larger than this are reported as undecodable instead of read (none are near it in a test profile). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;
/** The most bytes allowed between two words of a sequence (JSON quotes and commas, V8 string headers). */
const MAX_WORD_GAP = 32;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path; // symlinks (SingletonLock, lock) and sockets are skipped
  }
}

function isAsciiLetter(code: number | undefined): boolean {
  return code !== undefined && ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a));
}

/** Whether a letter touches the match at [start, end) (one-byte or, for UTF-16LE, two-byte units). */
function touchesLetter(hay: Buffer, start: number, end: number, unit: number): boolean {
  const before = unit === 2 ? (hay[start - 1] === 0 ? hay[start - 2] : undefined) : hay[start - 1];
  const after = unit === 2 ? (hay[end + 1] === 0 ? hay[end] : undefined) : hay[end];
  return isAsciiLetter(before) || isAsciiLetter(after);
}

/** Whether the words occur in order, each a whole word, each within MAX_WORD_GAP bytes of the previous. */
function hasSequence(hay: Buffer, sequence: WordSequence): boolean {
  const unit = sequence.encoding.includes('utf-16le') ? 2 : 1;
  const [first, ...rest] = sequence.words;
  if (!first) return false;
  for (let at = hay.indexOf(first); at !== -1; at = hay.indexOf(first, at + 1)) {
    if (touchesLetter(hay, at, at + first.length, unit)) continue;
    let end = at + first.length;
    const ok = rest.every((word) => {
      const window = hay.subarray(end, end + MAX_WORD_GAP + word.length);
      for (let k = window.indexOf(word); k !== -1; k = window.indexOf(word, k + 1)) {
        if (!touchesLetter(hay, end + k, end + k + word.length, unit)) {
          end += k + word.length;
          return true;
        }
      }
      return false;
    });
    if (ok) return true;
  }
  return false;
}

function matchChunk(chunk: Chunk, patterns: readonly SecretPatterns[], file: string): Finding[] {
  const hay = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const findings: Finding[] = [];
  for (const p of patterns) {
    for (const needle of p.needles) {
      if (hay.includes(needle.bytes)) findings.push({ file, label: p.label, encoding: needle.encoding, container: chunk.container });
    }
    for (const sequence of p.sequences) {
      if (hasSequence(hay, sequence)) findings.push({ file, label: p.label, encoding: sequence.encoding, container: chunk.container });
    }
  }
  return findings;
}

/**
 * Walk every file under `profileDir` and search it, and what it holds compressed, for each secret.
 * @throws RangeError when a secret is too short to search for meaningfully (see MIN_SECRET_BYTES).
 */
export async function scanProfile(profileDir: string, secrets: readonly Secret[], options: ScanOptions = {}): Promise<ScanReport> {
  const patterns = secrets.map(secretPatterns);
  const report: ScanReport = { findings: [], filesScanned: 0, bytesScanned: 0, undecodable: [], decoded: {} };
  const seen = new Set<string>();
  for await (const path of walk(profileDir)) {
    const file = relative(profileDir, path);
    const size = (await lstat(path)).size;
    if (size > MAX_FILE_BYTES) {
      report.undecodable.push({ file, container: 'file', reason: `${size} bytes: too large to read` });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') continue; // removed while walking
      throw error;
    }
    report.filesScanned += 1;
    const { chunks, undecodable } = fileChunks(path, bytes, options.decode ?? true);
    report.undecodable.push(...undecodable.map((u) => ({ file, ...u })));
    for (const chunk of chunks) {
      report.bytesScanned += chunk.bytes.length;
      if (chunk.container !== 'raw') report.decoded[chunk.container] = (report.decoded[chunk.container] ?? 0) + 1;
      for (const finding of matchChunk(chunk, patterns, file)) {
        const key = JSON.stringify(finding);
        if (!seen.has(key)) {
          seen.add(key);
          report.findings.push(finding);
        }
      }
    }
  }
  return report;
}

/**
 * The findings of scanProfile: every (file, secret, encoding, container) where a secret was found.
 * An empty list proves absence only as far as the scanner's limits (test/e2e/README.md).
 * @throws RangeError when a secret is too short to search for meaningfully.
 */
export async function scanProfileForSecrets(profileDir: string, secrets: readonly Secret[], options: ScanOptions = {}): Promise<Finding[]> {
  return (await scanProfile(profileDir, secrets, options)).findings;
}
