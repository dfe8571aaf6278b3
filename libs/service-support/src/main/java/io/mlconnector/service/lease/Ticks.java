package io.mlconnector.service.lease;

import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Triggers whose firing instants are the same on every replica, and which tell the running job which instant it is
 * running for (its tick, the key of {@link ScheduleLease}): a cron expression, or an interval aligned to the epoch
 * (every 5 minutes = at :00, :05, ... on every replica, whenever each started).
 *
 * <p>A Spring {@code TaskScheduler} asks the trigger for the next instant, waits, runs the job and only then asks
 * again, so while the job runs {@link #tick()} is the instant it was scheduled for.
 */
public final class Ticks implements Trigger {

    private final Trigger delegate;
    private volatile Instant scheduled;

    private Ticks(Trigger delegate) {
        this.delegate = delegate;
    }

    /** On a cron expression (Spring's syntax, the JVM's time zone, as {@link CronTrigger}). */
    public static Ticks cron(String expression) {
        return new Ticks(new CronTrigger(expression));
    }

    /** Every {@code interval}, at the multiples of it since the epoch, after the previous run finished. */
    public static Ticks every(Duration interval) {
        return new Ticks(context -> alignedAfter(context.getClock().instant(), interval));
    }

    /** The latest multiple of {@code interval} at or before {@code now}: the tick of a run started outside a schedule. */
    public static Instant current(Duration interval, Instant now) {
        long step = interval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), step) * step);
    }

    static Instant alignedAfter(Instant after, Duration interval) {
        return current(interval, after).plus(interval);
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
        Instant next = delegate.nextExecution(context);
        scheduled = next;
        return next;
    }

    /** The instant the running job was scheduled for. */
    public Instant tick() {
        return scheduled;
    }
}
