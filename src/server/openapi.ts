/** The OpenAPI 3.1 description of the HTTP API, served at /openapi.json. */
import { planDocumentJsonSchema } from '../schema/plan-document.ts';

export function openApiDocument(opts: { apiKeyRequired: boolean; maxUploadBytes: number }) {
  const { $schema: _s, $id: _i, ...planDocument } = planDocumentJsonSchema() as Record<string, unknown>;
  const id = { name: 'id', in: 'path', required: true, description: 'document id: the sha256 of the file', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } };
  const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const security = opts.apiKeyRequired ? [{ apiKey: [] }, { bearer: [] }] : [];
  const runOptionsQuery = [
    { name: 'toneStyle', in: 'query', schema: { type: 'string', enum: ['classic', 'modern'] }, description: 'tone-mark placement written: classic (hòa) or modern (hoà)' },
    { name: 'dpi', in: 'query', schema: { type: 'integer', minimum: 50, maximum: 600 }, description: 'render resolution for scanned pages' },
    { name: 'force', in: 'query', schema: { type: 'boolean' }, description: 'process again even if this file was already submitted' },
  ];
  return {
    openapi: '3.1.0',
    info: {
      title: 'sohoa',
      version: '1',
      description:
        'Scanned Vietnamese administrative documents (Kế hoạch, Quyết định, Báo cáo…) → clean text and structured data. ' +
        'Uploads are queued; workers OCR pages in parallel, restore diacritics, extract metadata, deadlines, tasks and targets. ' +
        `Files up to ${Math.round(opts.maxUploadBytes / 1024 / 1024)} MB: PDF, PNG, JPEG, TIFF, or OCR text (.txt). ` +
        'A document id is the sha256 of its bytes: the same file submitted twice is one document and one job.',
    },
    security,
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' } }, required: ['error', 'message'] },
        Submission: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            runId: { type: 'string' },
            fileName: { type: 'string' },
            duplicate: { type: 'boolean', description: 'the same file was already submitted: no new job' },
            status: { type: 'string', enum: ['queued', 'duplicate', 'rejected'] },
            reason: { type: 'string', description: 'why a file was rejected' },
          },
        },
        PageStatus: {
          type: 'object',
          properties: { page: { type: 'integer' }, state: { type: 'string', enum: ['pending', 'running', 'done', 'failed'] }, error: { type: 'string' } },
        },
        DocumentStatus: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            fileName: { type: 'string' },
            size: { type: 'integer' },
            pipeline: { type: 'string' },
            runId: { type: ['string', 'null'] },
            state: { type: 'string', enum: ['queued', 'running', 'retrying', 'completed', 'failed'] },
            step: { type: ['string', 'null'], enum: ['plan', 'ocr', 'assemble', 'done', null] },
            attempts: { type: 'integer' },
            pageCount: { type: ['integer', 'null'] },
            pagesDone: { type: 'integer' },
            pages: { type: 'array', items: { $ref: '#/components/schemas/PageStatus' } },
            error: { type: ['string', 'null'], description: 'why the document failed, naming the file (and page)' },
            failures: { type: 'array', items: { type: 'object', properties: { page: { type: ['integer', 'null'] }, reason: { type: 'string' } } } },
            results: { type: 'array', items: { type: 'string' } },
            links: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        PlanDocument: planDocument,
      },
    },
    paths: {
      '/health': {
        get: {
          summary: 'liveness and Redis reachability',
          security: [],
          responses: { 200: { description: 'up' }, 503: { description: 'Redis unreachable' } },
        },
      },
      '/documents': {
        post: {
          summary: 'upload one or many files (multipart/form-data, any field name)',
          parameters: runOptionsQuery,
          requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } },
          responses: {
            202: { description: 'accepted (some files may be rejected: see each item)', content: { 'application/json': { schema: { type: 'object', properties: { documents: { type: 'array', items: { $ref: '#/components/schemas/Submission' } } } } } } },
            400: err('no file, or every file rejected'),
            401: err('API key missing or wrong'),
            413: err('file larger than the limit'),
            415: err('unsupported file type'),
          },
        },
        get: {
          summary: 'list documents, newest first',
          parameters: [
            { name: 'state', in: 'query', schema: { type: 'string', enum: ['queued', 'running', 'retrying', 'completed', 'failed'] }, description: 'only documents in this state (also accepted as `status`)' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: { 200: { description: 'documents', content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: { $ref: '#/components/schemas/DocumentStatus' } } } } } } } },
        },
      },
      '/documents/{id}': {
        get: {
          summary: 'status, per-page progress and errors of a document',
          parameters: [id],
          responses: { 200: { description: 'status', content: { 'application/json': { schema: { $ref: '#/components/schemas/DocumentStatus' } } } }, 404: err('unknown document') },
        },
      },
      '/documents/{id}/result.{format}': {
        get: {
          summary: 'the result in one export format (json: PlanDocument; csv: one table, ?table=tasks|targets|deadlines|legal-bases|table-N)',
          parameters: [
            id,
            { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'md', 'csv', 'xlsx'] } },
            { name: 'table', in: 'query', schema: { type: 'string', default: 'tasks' } },
            { name: 'download', in: 'query', schema: { type: 'boolean' }, description: 'send as an attachment' },
          ],
          responses: {
            200: {
              description: 'the file',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/PlanDocument' } },
                'text/markdown': {},
                'text/csv': {},
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
              },
            },
            404: err('unknown document, or no such table'),
            409: err('not finished yet'),
          },
        },
      },
      '/documents/{id}/original': {
        get: { summary: 'the file as submitted', parameters: [id], responses: { 200: { description: 'the bytes' }, 404: err('unknown document') } },
      },
      '/documents/{id}/reprocess': {
        post: {
          summary: 'run the document again (a new run; optionally with other options)',
          parameters: [id],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { toneStyle: { type: 'string', enum: ['classic', 'modern'] }, dpi: { type: 'integer' } } } } } },
          responses: { 202: { description: 'queued', content: { 'application/json': { schema: { $ref: '#/components/schemas/Submission' } } } }, 404: err('unknown document') },
        },
      },
      '/batches': {
        post: {
          summary: 'a batch: a folder under the server’s batch root (JSON {"folder": "relative/path"}) or a ZIP upload (multipart); entries leaving the folder are refused',
          parameters: runOptionsQuery,
          requestBody: {
            content: {
              'application/json': { schema: { type: 'object', properties: { folder: { type: 'string' }, force: { type: 'boolean' }, toneStyle: { type: 'string' }, dpi: { type: 'integer' } }, required: ['folder'] } },
              'multipart/form-data': { schema: { type: 'object', properties: { archive: { type: 'string', format: 'binary' } } } },
            },
          },
          responses: { 202: { description: 'batch queued' }, 400: err('bad folder or archive (names the entry)'), 403: err('folder batches disabled'), 413: err('too large') },
        },
      },
      '/batches/{id}': {
        get: { summary: 'progress of a batch', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'batch' }, 404: err('unknown batch') } },
      },
    },
  };
}
