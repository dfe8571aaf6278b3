package io.mlconnector.posting.store;

/** Field names in the {@code postings} and {@code audit} collections. */
final class Fields {

    static final String ID = "_id";
    static final String TENANT_ID = "tenantId";
    static final String SOURCE_TYPE = "sourceType";
    static final String SOURCE_ID = "sourceId";
    static final String CONTENT_REVISION = "contentRevision";
    static final String DOCUMENT_KIND = "documentKind";
    static final String STATE = "state";
    static final String BC_DOCUMENT_ID = "bcDocumentId";
    static final String BC_DOCUMENT_NUMBER = "bcDocumentNumber";
    static final String ATTEMPTS = "attempts";
    static final String LAST_ERROR = "lastError";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";

    static final String POSTING_KEY = "postingKey";
    static final String AT = "at";
    static final String STEP = "step";
    static final String SUMMARY = "summary";
    static final String ATTRIBUTES = "attributes";

    private Fields() {
    }
}
