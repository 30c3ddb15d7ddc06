// Reading an uploaded file from a request: a multipart form (field "file", as a browser sends it) or
// the raw body (as scripts send it, with Content-Type text/csv, application/json or the XLSX type).
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, errorBody } from './errors';

export interface Upload {
  bytes: Uint8Array;
  /** The declared type of the file (the form part's, or the request's). */
  contentType: string | undefined;
  filename: string | undefined;
}

/**
 * Default largest upload for imports (M4D_MAX_IMPORT_BYTES): 100,000 values of CSV take about 5 MB,
 * so 50 MB holds the largest file an import reads (MAX_IMPORT_ROWS) with room for long comments.
 */
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * The uploads that the app-wide body limit leaves to their routes, which apply the import limit:
 * every POST under /api/imports/ and DHIS2's dataValueSets import.
 */
export function isImportUpload(method: string, path: string): boolean {
  return method === 'POST' && (path.startsWith('/api/imports/') || path === '/api/dhis2/dataValueSets');
}

/** A limit as people read it: 50 MB, 512 KB. */
export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    413,
    'payload_too_large',
    `The upload is larger than ${describeSize(maxBytes)}, the most one import takes. Split the file into several.`,
    { maxBytes },
  );
}

/**
 * The upload limit of the import routes, enforced while the body streams in (also for chunked
 * requests without a Content-Length), so an oversized file is refused before it sits in memory.
 */
export function uploadLimit(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(errorBody('payload_too_large', tooLarge(maxBytes).message, { maxBytes }), 413),
  });
}

export async function readUpload(c: Context, maxBytes: number): Promise<Upload> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const contentType = c.req.header('content-type')?.toLowerCase();
  let upload: Upload;
  if (contentType?.startsWith('multipart/form-data')) {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new AppError(400, 'malformed_upload', 'The multipart form cannot be read: it may be truncated.');
    }
    const field = form.file;
    const file = Array.isArray(field) ? field.find((item): item is File => item instanceof File) : field;
    if (!(file instanceof File)) {
      throw new AppError(400, 'missing_file', 'No file in the form: send it in a field named "file".');
    }
    upload = {
      bytes: new Uint8Array(await file.arrayBuffer()),
      contentType: file.type || undefined,
      filename: file.name,
    };
  } else {
    upload = { bytes: new Uint8Array(await c.req.arrayBuffer()), contentType, filename: undefined };
  }
  if (upload.bytes.length > maxBytes) throw tooLarge(maxBytes);
  return upload;
}

/**
 * JSON.parse that says where the text breaks (line and column), and when it simply ends too early.
 * `xmlHint` says what to do with an XML file sent instead (KML for a GeoJSON import, say).
 */
export function parseJsonText(text: string, what: string, xmlHint = 'Send it as JSON.'): unknown {
  if (text.trim() === '') throw new AppError(400, 'empty_file', `The ${what} is empty.`);
  if (text.trimStart().startsWith('<')) {
    throw new AppError(415, 'unsupported_format', `The ${what} is XML, not JSON. ${xmlHint}`);
  }
  // The escape \u0000 (not \\u0000, an escaped backslash) puts a NUL character into a string, which
  // PostgreSQL cannot store or compare (decodeUtf8 refuses the raw byte the same way).
  const nul = /(?<!\\)(?:\\\\)*\\u0000/.exec(text);
  if (nul) {
    const before = text.slice(0, nul.index);
    const line = before.split('\n').length;
    throw new AppError(
      400,
      'nul_character',
      `The ${what} holds the escape \\u0000 (a NUL character) on line ${line}: no code, name or comment may contain one. Remove it and send the file again.`,
      { line },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const at = position === undefined ? text.length : Number(position);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new AppError(
      400,
      'malformed_json',
      `The ${what} is not valid JSON (line ${line}, column ${column}: ${message}).` +
        (at >= text.trimEnd().length ? ' It ends too early: the file may be truncated.' : ''),
      { line, column },
    );
  }
}
