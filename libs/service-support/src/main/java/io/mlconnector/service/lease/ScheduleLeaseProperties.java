package io.mlconnector.service.lease;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.schedule-lease.*}: how replicas of a service agree on who runs a scheduled job's tick.
 *
 * @param duration how long a claim lasts without renewal: a replica that dies mid-run hands its tick over to another
 *                 replica after at most this long (plus one {@code renew-every}); renewed while the job runs, so a run
 *                 may take longer. Keep it well above a store round trip and a stop-the-world pause.
 * @param renewEvery how often a running job renews its claim, and how often a replica standing by for a tick another
 *                 replica is running checks whether it finished or was abandoned; at most a third of {@code duration}
 * @param holder   this replica's name in the lease documents (for operators); empty: host name, process id and a
 *                 random suffix, so two processes never share one
 */
@ConfigurationProperties("mlc.schedule-lease")
public record ScheduleLeaseProperties(
        @DefaultValue("60s") Duration duration,
        @DefaultValue("15s") Duration renewEvery,
        @DefaultValue("") String holder) {

    public ScheduleLeaseProperties {
        if (duration.isNegative() || duration.isZero() || renewEvery.isNegative() || renewEvery.isZero()
                || renewEvery.multipliedBy(3).compareTo(duration) > 0) {
            throw new IllegalArgumentException("mlc.schedule-lease: renew-every (" + renewEvery + ") must be positive"
                    + " and at most a third of duration (" + duration + "), or a running job loses its lease to a"
                    + " slow renewal; set both, e.g. duration=60s and renew-every=15s");
        }
    }
}
