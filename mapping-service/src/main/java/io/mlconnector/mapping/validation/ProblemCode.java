package io.mlconnector.mapping.validation;

/** Why a cost document parks. Each code is something a person can fix (mapping, vendor link, BC setup). */
public enum ProblemCode {
    EMPTY_DOCUMENT,
    DOCUMENT_TOTAL_MISMATCH,
    UNSUPPORTED_DOCUMENT,
    PROJECT_NUMBER_MISSING,
    /** the Procore project number cannot be a BC dimension value code and no project rule gives one */
    PROJECT_NOT_MAPPED,
    COST_CODE_MISSING,
    COST_TYPE_MISSING,
    COST_CODE_NOT_MAPPED,
    GL_ACCOUNT_UNKNOWN,
    GL_ACCOUNT_BLOCKED,
    GL_ACCOUNT_NOT_POSTING_TYPE,
    GL_ACCOUNT_NOT_DIRECT_POSTING,
    DIMENSION_UNKNOWN,
    DIMENSION_VALUE_UNKNOWN,
    VENDOR_MISSING,
    VENDOR_NOT_LINKED,
    VENDOR_UNKNOWN_IN_BC,
    VENDOR_BLOCKED
}
