import { apiActor, jsonError, requestMeta } from '@/lib/server/api';
import { documentIdSchema, documentQuerySchema } from '@/lib/schemas/documents';
import { downloadDocument } from '@/lib/server/documents/documents';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';

export const dynamic = 'force-dynamic';

// GET /api/v1/documents/{id}?format=docx|pdf (issue 9, part 3): one document, as a download.
// 404 when it does not exist or its patient is outside the caller's scope (audited DENIED);
// 400 for a format that is not docx or pdf, or one this document does not come in.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ documentId: string }> },
): Promise<Response> {
  const actor = await apiActor();
  if (actor instanceof Response) return actor;
  const { documentId } = await params;
  const url = new URL(request.url);
  const query = documentQuerySchema.safeParse({
    format: url.searchParams.get('format') ?? undefined,
  });
  if (!query.success) {
    return jsonError(
      400,
      'INVALID_QUERY',
      query.error.issues[0]?.message ?? 'The query is not valid.',
      { fieldErrors: { format: query.error.issues[0]?.message } },
    );
  }
  const id = documentIdSchema.safeParse(documentId);
  if (!id.success) return jsonError(404, 'NOT_FOUND', 'No document with that id.');
  try {
    const result = await downloadDocument(
      { actor, meta: requestMeta(request, `/api/v1/documents/${id.data}`) },
      id.data,
      query.data.format,
    );
    if (!result.ok) {
      return jsonError(
        result.status,
        result.status === 404 ? 'NOT_FOUND' : 'INVALID_QUERY',
        result.message,
      );
    }
    const { file } = result;
    return new Response(Buffer.from(file.bytes), {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Content-Length': String(file.bytes.byteLength),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof NotFound || error instanceof AccessDenied) {
      return jsonError(404, 'NOT_FOUND', 'No document with that id.');
    }
    throw error;
  }
}
