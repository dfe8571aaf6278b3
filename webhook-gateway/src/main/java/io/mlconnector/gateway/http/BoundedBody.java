package io.mlconnector.gateway.http;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Reads a request body into memory, refusing it as soon as it grows past a limit (never buffering more). */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The body's bytes (empty array for no body); {@link Rejection#BODY_TOO_LARGE} past {@code maxBytes}. */
    public static Mono<byte[]> read(ServerRequest request, long maxBytes) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBytes) {
            return Mono.error(tooLarge(maxBytes));
        }
        int limit = (int) Math.min(Integer.MAX_VALUE, maxBytes);
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
                .map(BoundedBody::drain)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(maxBytes));
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static RejectedDeliveryException tooLarge(long maxBytes) {
        return new RejectedDeliveryException(Rejection.BODY_TOO_LARGE, "body larger than " + maxBytes + " bytes");
    }
}
