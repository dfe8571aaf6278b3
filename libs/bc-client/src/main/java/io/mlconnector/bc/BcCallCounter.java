package io.mlconnector.bc;

import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts BC calls. Use one as the client-wide listener, or per unit of work: {@code counter.count(pipeline)} puts
 * the counter in the Reactor context and every BC call made inside that pipeline is counted (so the poster can
 * report calls per document even when documents run concurrently).
 */
public final class BcCallCounter implements BcCallListener {

    static final String CONTEXT_KEY = BcCallCounter.class.getName();

    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void onCall(BcCall call) {
        calls.incrementAndGet();
    }

    public int calls() {
        return calls.get();
    }

    public void reset() {
        calls.set(0);
    }

    public <T> Mono<T> count(Mono<T> work) {
        return work.contextWrite(ctx -> ctx.put(CONTEXT_KEY, this));
    }

    public <T> Flux<T> count(Flux<T> work) {
        return work.contextWrite(ctx -> ctx.put(CONTEXT_KEY, this));
    }
}
