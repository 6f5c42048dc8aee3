package org.sscard.common.linkage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves events from a feed to a handler, at least once and in order: it reads the events after its cursor, applies
 * them and advances the cursor in one transaction, and only then reads again. A crash anywhere before the commit
 * leaves the cursor where it was, so the same events are read again after a restart; a handler made with
 * {@link #deduplicated} records each event's ID in that same transaction, so an event read twice is applied once.
 * A failure stops the pass where it is (nothing later is applied before it) and the poller tries again after a
 * back-off that doubles up to {@link Settings#maxBackoff}; nothing is skipped or dropped. A {@link #nudge} cuts short
 * the wait between reads, never a back-off (a publisher committing often must not hammer a peer that is down).
 *
 * <p>The inbox, the cursor and the handler's effect must use the data source the transaction template manages: the
 * poller refuses to apply a batch when the inbox would not join its transaction. Two pollers of one source (two
 * instances of a service) take turns on the cursor's row: the second applies nothing the first already applied.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /** Where events come from: a publisher's outbox read directly, or another service's feed over HTTPS. */
    @FunctionalInterface
    public interface Feed {
        List<LinkageEvent> after(long position, int limit) throws Exception;
    }

    /** Applies a batch inside the poller's transaction (a remote call here makes the cursor wait for its answer). */
    @FunctionalInterface
    public interface Handler {
        void apply(List<LinkageEvent> events) throws Exception;
    }

    /** Applies one event inside the poller's transaction. */
    @FunctionalInterface
    public interface EventHandler {
        void apply(LinkageEvent event) throws Exception;
    }

    /**
     * {@code source}: the cursor's (and the inbox's) name for this feed; {@code interval}: between reads that found
     * less than a full batch; {@code batch}: at most {@link Outbox#MAX_BATCH}, what a feed answers at most.
     */
    public record Settings(String source, Duration interval, int batch, Duration maxBackoff) {
        public Settings {
            if (interval.isNegative()
                    || interval.isZero()
                    || batch < 1
                    || batch > Outbox.MAX_BATCH
                    || maxBackoff.compareTo(interval) < 0) {
                throw new IllegalArgumentException(
                        "interval > 0, 1 <= batch <= " + Outbox.MAX_BATCH + ", maxBackoff >= interval");
            }
        }
    }

    private final Settings settings;
    private final Feed feed;
    private final Handler handler;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nudged = lock.newCondition();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile long consecutiveFailures;
    private boolean pendingNudge;

    public FeedPoller(Settings settings, Feed feed, Handler handler, Inbox inbox, TransactionTemplate transaction) {
        this.settings = settings;
        this.feed = feed;
        this.handler = handler;
        this.inbox = inbox;
        this.transaction = transaction;
    }

    /** Applies each event once: its ID goes into the inbox in the same transaction as its effect. */
    public static Handler deduplicated(Inbox inbox, String source, EventHandler each) {
        return events -> {
            for (LinkageEvent event : events) {
                if (inbox.firstDelivery(source, event)) {
                    each.apply(event);
                }
            }
        };
    }

    /**
     * One pass: reads once after the cursor and applies what it read in one transaction. Returns how many events it
     * read (also when another poller of the source applied them first); throws what the feed or the handler threw
     * (the transaction is then rolled back).
     */
    public int pollOnce() throws Exception {
        long position = inbox.position(settings.source());
        List<LinkageEvent> events = feed.after(position, settings.batch());
        if (events.isEmpty()) {
            return 0;
        }
        long last = events.get(events.size() - 1).position();
        try {
            transaction.executeWithoutResult(status -> {
                if (!inbox.joinsCurrentTransaction()) {
                    // the cursor would move in a transaction of its own: a crash could then skip or repeat the batch
                    throw new IllegalStateException("linkage feed " + settings.source()
                            + ": the inbox's data source is not the one the transaction manages");
                }
                if (inbox.lockPosition(settings.source()) != position) {
                    // another poller of this source applied the events while this one read them
                    return;
                }
                try {
                    handler.apply(events);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailed(e);
                }
                inbox.advance(settings.source(), last);
            });
        } catch (HandlerFailed e) {
            throw (Exception) e.getCause();
        }
        return events.size();
    }

    /** Starts the polling thread (a daemon named after the source). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread started = new Thread(this::loop, "linkage-" + settings.source());
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /**
     * Reads again now instead of at the end of the interval (a publisher in the same JVM just committed); during a
     * back-off after a failure, at the end of the back-off.
     */
    public void nudge() {
        lock.lock();
        try {
            pendingNudge = true;
            nudged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Failed passes in a row (0 when the last pass succeeded): for health and metrics. */
    public long consecutiveFailures() {
        return consecutiveFailures;
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() throws InterruptedException {
        Thread current;
        synchronized (this) {
            running = false;
            current = thread;
        }
        if (current != null) {
            current.interrupt();
            current.join(TimeUnit.SECONDS.toMillis(10));
            if (current.isAlive()) {
                LOG.warn("linkage feed {}: the pass under way has not ended 10 s after close", settings.source());
            }
        }
    }

    private void loop() {
        Duration backoff = settings.interval();
        while (running) {
            Duration wait;
            boolean failed;
            clearNudge();
            try {
                int read = pollOnce();
                consecutiveFailures = 0;
                backoff = settings.interval();
                wait = read >= settings.batch() ? Duration.ZERO : settings.interval();
                failed = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // an Error too: a thread that died quietly would leave isRunning() true and the health green
                if (!running) {
                    // closing: what the interrupt broke is not a failure of the feed
                    return;
                }
                consecutiveFailures++;
                LOG.warn(
                        "linkage feed {}: pass failed ({} in a row), next try in {} ms: {}",
                        settings.source(),
                        consecutiveFailures,
                        backoff.toMillis(),
                        e.toString());
                wait = backoff;
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                        ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
                failed = true;
            }
            if (!await(wait, !failed)) {
                return;
            }
        }
    }

    /** A nudge that came before a pass starts is answered by that pass. */
    private void clearNudge() {
        lock.lock();
        try {
            pendingNudge = false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code wait} or, if {@code nudgeable}, until nudged; false when interrupted (closing). */
    private boolean await(Duration wait, boolean nudgeable) {
        if (wait.isZero()) {
            return running;
        }
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (!(nudgeable && pendingNudge) && nanos > 0 && running) {
                nanos = nudged.awaitNanos(nanos);
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(Exception cause) {
            super(cause);
        }
    }
}
