package io.mlconnector.vendorsync.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.testing.MutableClock;
import io.mlconnector.vendorsync.LoopbackBcReceiver;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper.Action;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guards against a lapsed subscription: BC drops a subscription 3 days after creation or last renewal
 * (dynamics-subscriptions). Hourly checks over a simulated 5 days must renew it (same id, handshake re-run) before it
 * expires, so BC has it at every hour.
 */
@ExtendWith(NoBlockingCalls.class)
class SubscriptionRenewalTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T08:00:00Z"));
    private SyncFixture fx;
    private LoopbackBcReceiver receiver;

    @BeforeEach
    void start() {
        fx = new SyncFixture(clock, BcSandboxOptions.builder());
        receiver = new LoopbackBcReceiver(SyncFixture.CLIENT_STATE, n -> { });
    }

    @AfterEach
    void stop() {
        receiver.close();
        fx.close();
    }

    @Test
    void hourlyChecksRenewBeforeExpiryAndNeverLapse() {
        SubscriptionKeeper keeper = fx.subscriptionKeeper(receiver.baseUrl(), Duration.ofDays(2));
        Outcome created = keeper.maintain(fx.tenant).block().get(0);
        assertThat(created.action()).isEqualTo(Action.CREATED);
        assertThat(created.expirationDateTime()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));

        List<Outcome> renewals = new ArrayList<>();
        for (int hour = 1; hour <= 5 * 24; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(fx.bcSandbox.subscriptions()).as("BC has the subscription at hour %d", hour)
                    .extracting(s -> s.path("subscriptionId").asString())
                    .containsExactly(created.subscriptionId());
            Outcome outcome = keeper.maintain(fx.tenant).block().get(0);
            assertThat(outcome.action()).isIn(Action.KEPT, Action.RENEWED);
            if (outcome.action() == Action.RENEWED) {
                renewals.add(outcome);
                assertThat(Duration.between(clock.instant(), outcome.expirationDateTime())).isEqualTo(Duration.ofDays(3));
            }
        }

        // renewed at the first hourly check with less than 2 days left: hours 25, 50, 75, 100
        assertThat(renewals).extracting(Outcome::expirationDateTime).containsExactly(
                at(25 + 72), at(50 + 72), at(75 + 72), at(100 + 72));
        assertThat(renewals).extracting(Outcome::subscriptionId).containsOnly(created.subscriptionId());
        assertThat(receiver.handshakes()).as("create + every renewal re-runs the handshake").isEqualTo(1 + 4);
        JsonNode live = fx.bcSandbox.subscriptions().get(0);
        assertThat(Instant.parse(live.path("expirationDateTime").asString())).isAfter(clock.instant().plus(Duration.ofDays(2)));
        assertThat(fx.subscriptionStore.find("harbor-ridge", "vendors").blockOptional().orElseThrow().expirationDateTime())
                .isEqualTo(renewals.get(renewals.size() - 1).expirationDateTime());
        assertThat(fx.meter("mlc.vendorsync.subscriptions", "tenant", "harbor-ridge", "entitySet", "vendors",
                "action", "renewed")).isEqualTo(4.0);
    }

    private static Instant at(int hours) {
        return Instant.parse("2026-11-02T08:00:00Z").plus(Duration.ofHours(hours));
    }

    @Test
    void withoutChecksTheSubscriptionLapsesAndTheNextCheckRecreatesIt() {
        SubscriptionKeeper keeper = fx.subscriptionKeeper(receiver.baseUrl(), Duration.ofDays(2));
        Outcome created = keeper.maintain(fx.tenant).block().get(0);

        clock.advance(Duration.ofDays(3).plusMinutes(1)); // the service was down for three days
        assertThat(fx.bcSandbox.subscriptions()).isEmpty();

        Outcome back = keeper.maintain(fx.tenant).block().get(0);
        assertThat(back.action()).isEqualTo(Action.RECREATED);
        assertThat(back.subscriptionId()).isNotEqualTo(created.subscriptionId());
        assertThat(fx.bcSandbox.subscriptions()).extracting(s -> s.path("subscriptionId").asString())
                .containsExactly(back.subscriptionId());
    }
}
