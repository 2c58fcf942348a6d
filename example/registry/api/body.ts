// Reads a JSON request body with a size limit, refusing early: a declared Content-Length above the
// limit is refused before any byte is read, and a streamed body is cut off as soon as it passes it.
import type { IncomingMessage } from 'node:http';
import { ApiRequestError } from './validate';

/** The largest body any endpoint needs is a transfer (about 600 bytes); 16 KiB is plenty. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * The parsed JSON body of `req`.
 * @throws ApiRequestError 415 unless Content-Type is application/json (which also makes a cross-site
 *   form post impossible without a CORS preflight, which this server never grants), 413 above
 *   `limit` bytes, 400 for a body that is not UTF-8 JSON.
 */
export async function readJsonBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiRequestError(415, 'Content-Type must be application/json');
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limit) throw new ApiRequestError(413, `the body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiRequestError(413, `the body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiRequestError(400, 'the body is not UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiRequestError(400, 'the body is not JSON');
  }
}
