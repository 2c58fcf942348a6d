import { gunzipSync } from 'node:zlib';

/*
 * A fixture made with the sqlite3 3.40 command-line shell (gzip -9n + base64 here), values shaped as
 * Firefox stores IndexedDB values (raw Snappy blocks in BLOBs):
 *   PRAGMA page_size=512;
 *   CREATE TABLE kv(k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
 *   -- one literal: 'kdf salt gM1TH91s9BgpDD9zLEVTGQ== iv ird23vFFO7kaDxxG'
 *   INSERT INTO kv VALUES('vault', X'35d06b64662073616c7420674d315448393173394267704444397a4c45565447513d3d2069762069726432337646464f376b6144787847');
 *   INSERT INTO kv VALUES('copied', X'101c61626364656667681108');   -- 'abcdefgh', then a copy: 'abcdefghabcdefgh'
 *   INSERT INTO kv VALUES('partial', X'0c1c696a6b6c6d6e6f700108');  -- 'ijklmnop', then a copy: 'ijklmnopijkl'
 *   INSERT INTO kv VALUES('plain', CAST('plain blob holding a-raw-needle' AS BLOB));
 *   INSERT INTO kv VALUES('long', CAST(printf('%.*c',531,'x') || 'split-needle-marker' || printf('%.*c',700,'y') AS BLOB));
 * The marker of 'long' straddles an overflow page boundary, so the file does not hold it whole.
 */
const DATABASE = `
H4sIAAAAAAACA+3UP0/CQBQA8DuKhBhNZEBiZHgDiZqICRJjGEDBlj8KKdQqMh60lOOOtim1IouzM9/C3d2P4EeydTFx8E/iJP3l
3iWXvOXevXeXnSZ1dRhazoS4kEcRhDE6BUAIxfxYQR+wH9FP5+/E0MEArwfJ+Bn5K/QXGjiWSiTwg0v6XGce8yJnilRWJVDLlaYE
zNtloEo3KrSVRqus9OBC6u2DB5WmXNmDbkOty1cqKHK3Ia4Gj4xLCD/hEl5ghl/C8v7c4ziaXLS5ZRqzr/m5wo6QOrc5oeb7Bn1u
9WFkcY2aBpCsQ+6ypq5rXN8UtjM2cVxK+FqajhmfmJaN40lhKzOwbKprG2nSH2j60Bgl4idCau6RW+4evTJtCFPCXTBaObVeyE0L
FcMWxcK8KV2rtU6xCNQD6miHea9alY8ZEWezWjDTs9DSmdqcun7DBeMfNF12QhymO/eh5RL8Yv/sOqFfeAMuMKMdAAoAAA==
`;

/** The fixture's bytes (a fresh copy each call). */
export function sqliteValuesDatabase(): Uint8Array {
  return new Uint8Array(gunzipSync(Buffer.from(DATABASE.replace(/\s+/gu, ''), 'base64')));
}
