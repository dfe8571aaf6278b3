package io.mlconnector.mapping.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** BC calls are spent carefully: cached, refreshed on TTL, on invalidate, and (rate-limited) on a miss. */
class CachedBcReferenceDataTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean unblocked;
    private final CachedBcReferenceData cache = new CachedBcReferenceData(tenant -> {
        loads.incrementAndGet();
        List<GlAccount> accounts = HarborRidge.accounts().stream()
                .map(a -> unblocked && a.number().equals("5190")
                        ? new GlAccount("5190", a.displayName(), "Posting", true, false) : a)
                .toList();
        return new ReferenceSnapshot(accounts, HarborRidge.dimensions(), HarborRidge.vendors(), clock.instant());
    }, Duration.ofMinutes(15), Duration.ofMinutes(1), clock);

    @Test
    void lookupsShareOneLoadUntilTheTtl() {
        assertThat(cache.account("t", "5120")).isPresent();
        assertThat(cache.dimension("t", "costcode")).get().satisfies(d -> assertThat(d.value("03-300")).isPresent());
        assertThat(cache.vendorByNumber("t", "v1010")).isPresent();
        assertThat(cache.vendorById("t", HarborRidge.bcVendorId(2).toUpperCase())).isPresent();
        assertThat(loads).hasValue(1);
        clock.advance(Duration.ofMinutes(16));
        cache.account("t", "5120");
        assertThat(loads).hasValue(2);
    }

    @Test
    void invalidateReloadsOnNextLookup() {
        assertThat(cache.account("t", "5190")).get().extracting(GlAccount::blocked).isEqualTo(true);
        unblocked = true;
        assertThat(cache.account("t", "5190")).get().extracting(GlAccount::blocked).isEqualTo(true);
        cache.invalidate("t");
        assertThat(cache.account("t", "5190")).get().extracting(GlAccount::blocked).isEqualTo(false);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aMissReloadsAtMostOncePerInterval() {
        assertThat(cache.vendorByNumber("t", "V4040")).isEmpty();
        assertThat(cache.vendorByNumber("t", "V4040")).isEmpty();
        assertThat(loads).hasValue(1); // snapshot is fresh: no reload storm
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.vendorByNumber("t", "V4040")).isEmpty();
        assertThat(loads).hasValue(2);
    }

    @Test
    void tenantsAreCachedSeparately() {
        cache.account("a", "5120");
        cache.account("b", "5120");
        cache.invalidate("a");
        cache.account("b", "5120");
        assertThat(loads).hasValue(2);
    }
}
