/**
 * The shapes of Documenten (tag "documents" in api/openapi.yaml), as short names. The requests are
 * the generated functions of api/generated/documents.ts; the pages that show a DocumentsPanel are
 * lazy, so the first bundle does not carry them.
 */
import type { components, operations } from '../../api/schema';

/** A file attached to a record, with its versions (newest first). */
export type DocumentRecord = components['schemas']['Document'];
export type DocumentVersion = DocumentRecord['versions'][number];
/** What a document can belong to: a contact, an agreement, a plan or an organisation. */
export type DocumentRecordKind = DocumentRecord['record_kind'];
/** The answer of GET …/documents: the record's documents and the largest file this server takes. */
export type DocumentList = operations['listDocuments']['responses'][200]['content']['application/json'];
