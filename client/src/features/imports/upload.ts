// Sending a file with XMLHttpRequest rather than fetch: only XHR reports upload progress
// (`upload.onprogress`), and a 50 MB spreadsheet on a weak connection takes long enough to need it.
// The browser adds the `Origin` header to every POST by itself (scripts may not set it), which is
// what the server's cross-site check reads; the session cookie goes along as with any same-origin
// request.
import { type ApiError, isRecord } from '../../components/api-error';

/** What the server answered, before it is read. Status 0: the request never got an answer. */
export interface RawResponse {
  status: number;
  text: string;
}

export type UploadOutcome<T> = { ok: true; body: T } | { ok: false; failure: ApiError };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Reads an answer into the report or the API's `{ error: { code, message, details? } }`. A 2xx body
 * that is not the expected report (a proxy's page, say) is a failure too, never shown as a report.
 * `reportStatuses` are the other statuses whose body is the report (DHIS2's 409 with its summary).
 */
export function readUploadResponse<T>(
  response: RawResponse,
  isBody: (value: unknown) => value is T,
  reportStatuses: readonly number[] = [],
): UploadOutcome<T> {
  if (response.status === 0) return { ok: false, failure: { status: null, code: null, message: null, details: null } };
  const data = parseJson(response.text);
  const reportStatus = (response.status >= 200 && response.status < 300) || reportStatuses.includes(response.status);
  if (reportStatus && isBody(data)) return { ok: true, body: data };
  const error = isRecord(data) && isRecord(data.error) ? data.error : {};
  return {
    ok: false,
    failure: {
      status: response.status,
      code: typeof error.code === 'string' ? error.code : null,
      message: typeof error.message === 'string' ? error.message : null,
      details: error.details ?? null,
    },
  };
}

export interface UploadOptions {
  url: string;
  file: File;
  /** The share of the file sent, 0 to 1; null when the browser cannot tell the total. */
  onProgress: (sent: number | null) => void;
  /** The whole file is sent: the server is reading it now. */
  onSent: () => void;
  signal?: AbortSignal;
}

/** Posts the file as the multipart field `file`; resolves with whatever the server answered. */
export function uploadFile({ url, file, onProgress, onSent, signal }: UploadOptions): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', file, file.name);
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    request.upload.onload = () => onSent();
    request.onload = () => resolve({ status: request.status, text: request.responseText });
    request.onerror = () => resolve({ status: 0, text: '' });
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}
