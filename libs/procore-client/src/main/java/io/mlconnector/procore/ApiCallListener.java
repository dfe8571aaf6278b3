package io.mlconnector.procore;

/** Told about every API exchange, so a sync can report how many calls it cost. Must not block. */
@FunctionalInterface
public interface ApiCallListener {

    ApiCallListener NONE = call -> { };

    void onCall(ApiCall call);
}
