package io.mlconnector.mapping.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** BC calls are spent carefully: cached, refreshed on TTL, on invalidate, and (rate-limited) on a miss. */
class CachedBcReferenceDataTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean unblocked;
    private final CachedBcReferenceData cache = new CachedBcReferenceData(tenant -> Mono.fromSupplier(() -> {
        loads.incrementAndGet();
        List<GlAccount> accounts = HarborRidge.accounts().stream()
                .map(a -> unblocked && a.number().equals("5190")
                        ? new GlAccount("5190", a.displayName(), "Posting", true, false) : a)
                .toList();
        return new ReferenceSnapshot(accounts, HarborRidge.dimensions(), HarborRidge.vendors(), clock.instant());
    }), Duration.ofMinutes(15), Duration.ofMinutes(1), clock);
    /** Lookups as the mapping makes them: against a view of the cached snapshot. */
    private final Lookups lookups = new Lookups();

    private final class Lookups {
        <T> Optional<T> lookup(String tenant, java.util.function.Function<BcReferenceData, Optional<T>> query) {
            return cache.withSnapshot(tenant, query).block();
        }

        Optional<GlAccount> account(String tenant, String number) {
            return lookup(tenant, bc -> bc.account(tenant, number));
        }

        Optional<KnownDimensionValues> dimension(String tenant, String code) {
            return lookup(tenant, bc -> bc.dimension(tenant, code));
        }

        Optional<io.mlconnector.bc.BcVendor> vendorByNumber(String tenant, String number) {
            return lookup(tenant, bc -> bc.vendorByNumber(tenant, number));
        }

        Optional<io.mlconnector.bc.BcVendor> vendorById(String tenant, String id) {
            return lookup(tenant, bc -> bc.vendorById(tenant, id));
        }
    }

    @Test
    void concurrentLookupsShareOneLoad() {
        reactor.core.publisher.Sinks.One<ReferenceSnapshot> slowBc = reactor.core.publisher.Sinks.one();
        AtomicInteger slowLoads = new AtomicInteger();
        CachedBcReferenceData slow = new CachedBcReferenceData(tenant -> {
            slowLoads.incrementAndGet();
            return slowBc.asMono();
        }, Duration.ofMinutes(15), Duration.ofMinutes(1), clock);
        var first = slow.snapshot("t").toFuture();
        var second = slow.snapshot("t").toFuture();
        slowBc.tryEmitValue(HarborRidge.snapshot(clock.instant()));
        assertThat(first.join()).isSameAs(second.join());
        assertThat(slowLoads).hasValue(1);
    }

    @Test
    void lookupsShareOneLoadUntilTheTtl() {
        assertThat(lookups.account("t", "5120")).isPresent();
        assertThat(lookups.dimension("t", "costcode")).get().satisfies(d -> assertThat(d.value("03-300")).isPresent());
        assertThat(lookups.vendorByNumber("t", "v1010")).isPresent();
        assertThat(lookups.vendorById("t", HarborRidge.bcVendorId(2).toUpperCase())).isPresent();
        assertThat(loads).hasValue(1);
        clock.advance(Duration.ofMinutes(16));
        lookups.account("t", "5120");
        assertThat(loads).hasValue(2);
    }

    @Test
    void invalidateReloadsOnNextLookup() {
        assertThat(lookups.account("t", "5190")).get().extracting(GlAccount::blocked).isEqualTo(true);
        unblocked = true;
        assertThat(lookups.account("t", "5190")).get().extracting(GlAccount::blocked).isEqualTo(true);
        cache.invalidate("t");
        assertThat(lookups.account("t", "5190")).get().extracting(GlAccount::blocked).isEqualTo(false);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aMissReloadsAtMostOncePerInterval() {
        assertThat(lookups.vendorByNumber("t", "V4040")).isEmpty();
        assertThat(lookups.vendorByNumber("t", "V4040")).isEmpty();
        assertThat(loads).hasValue(1); // snapshot is fresh: no reload storm
        clock.advance(Duration.ofMinutes(2));
        assertThat(lookups.vendorByNumber("t", "V4040")).isEmpty();
        assertThat(loads).hasValue(2);
    }

    @Test
    void tenantsAreCachedSeparately() {
        lookups.account("a", "5120");
        lookups.account("b", "5120");
        cache.invalidate("a");
        lookups.account("b", "5120");
        assertThat(loads).hasValue(2);
    }
}
