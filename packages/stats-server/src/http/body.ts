import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

// `text/plain` is a CORS-safelisted type: browsers send it without a preflight request.
const ACCEPTED_TYPES = new Set(['application/json', 'text/plain']);

/** Reads a POST body as a JSON object, refusing other types, bodies over `maxBytes`, and bad JSON. */
export async function readJsonObject(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ACCEPTED_TYPES.has(type)) {
    throw new HttpError(
      415,
      'unsupported-media-type',
      `send the body as application/json or text/plain, not ${type || 'no content type'}`,
    );
  }
  const text = await readText(req, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-json', 'the body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid-json', 'the body must be a JSON object, such as {"path": "/"}');
  }
  return body as Record<string, unknown>;
}

function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = (): HttpError =>
    new HttpError(413, 'body-too-large', `the body is over the limit of ${maxBytes} bytes`, { connection: 'close' });
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    // The client went away mid-body: its mistake, not the store's (nothing to log or retry).
    req.once('error', () => {
      reject(new HttpError(400, 'body-incomplete', 'the connection closed before the body ended'));
    });
  });
}
