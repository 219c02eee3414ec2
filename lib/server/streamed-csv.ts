import 'server-only';
// A CSV download whose body goes out while it is being written (the statistics extracts,
// docs/decisions/832-statistics-extracts-streamed.md). The writer is handed a sink that waits
// while the reader is behind (backpressure), and fails if the reader has gone, so an abandoned
// download ends its query and gives back its connection instead of waiting for the timeout.
import { PassThrough, Readable, type Writable } from 'node:stream';

export class DownloadAbandoned extends Error {
  constructor() {
    super('the download was abandoned');
  }
}

/** Writes `chunk`; waits for the reader to catch up if it is behind; fails if it has gone. */
export async function sendChunk(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new DownloadAbandoned();
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const drained = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', drained);
      reject(new DownloadAbandoned());
    };
    out.once('drain', drained);
    out.once('close', closed);
  });
}

export function streamedCsvResponse(
  write: (sink: (chunk: string) => Promise<void>) => Promise<unknown>,
  headers: Record<string, string>,
): Response {
  const out = new PassThrough();
  write((chunk) => sendChunk(out, chunk)).then(
    () => out.end(),
    (error: unknown) => {
      if (!(error instanceof DownloadAbandoned))
        console.error('CSV download failed', error instanceof Error ? error.message : error);
      // The reader sees a broken download, never a complete-looking partial file.
      out.destroy(error instanceof Error ? error : new Error('download failed'));
    },
  );
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: { ...headers, 'X-Content-Type-Options': 'nosniff' },
  });
}
