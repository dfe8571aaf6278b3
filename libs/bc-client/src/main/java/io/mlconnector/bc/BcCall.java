package io.mlconnector.bc;

import java.time.Duration;

/** One HTTP call the client made to BC (status 0 = no answer). {@code attempt} counts from 1. */
public record BcCall(String method, String path, int status, Duration duration, int attempt) {
}
