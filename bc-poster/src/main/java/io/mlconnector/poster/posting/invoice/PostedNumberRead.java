package io.mlconnector.poster.posting.invoice;

/**
 * How the posted number of a purchase invoice or credit memo is read. {@code Microsoft.NAV.post} answers 204 without
 * a body and posting renumbers the document (Microsoft Learn, purchaseInvoice resource type), so it takes a read.
 */
public enum PostedNumberRead {
    /** The post and the read in one {@code $batch} request (default: no request more than posting alone). */
    WITH_POST,
    /**
     * The post, then one GET. For a BC that refuses the post action inside {@code $batch} (the sandbox accepts it;
     * whether every BC version does is unconfirmed).
     */
    SEPARATE_READ
}
