package io.mlconnector.bc;

/** Hears about every HTTP call the client makes to the BC API (token requests excluded). */
@FunctionalInterface
public interface BcCallListener {

    BcCallListener NONE = call -> { };

    void onCall(BcCall call);
}
