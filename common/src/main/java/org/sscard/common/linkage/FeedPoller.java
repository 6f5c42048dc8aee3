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
 * back-off that doubles up to {@link Settings#maxBackoff}; nothing is skipped or dropped.
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

    /** {@code source}: the cursor's (and the inbox's) name for this feed; {@code interval}: between empty reads. */
    public record Settings(String source, Duration interval, int batch, Duration maxBackoff) {
        public Settings {
            if (interval.isNegative() || interval.isZero() || batch < 1 || maxBackoff.compareTo(interval) < 0) {
                throw new IllegalArgumentException("interval > 0, batch >= 1, maxBackoff >= interval");
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
     * read; throws what the feed or the handler threw (the transaction is then rolled back).
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

    /** Reads again now instead of at the end of the interval (a publisher in the same JVM just committed). */
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
        }
    }

    private void loop() {
        Duration backoff = settings.interval();
        while (running) {
            Duration wait;
            try {
                int read = pollOnce();
                consecutiveFailures = 0;
                backoff = settings.interval();
                wait = read >= settings.batch() ? Duration.ZERO : settings.interval();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
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
            }
            if (!await(wait)) {
                return;
            }
        }
    }

    /** Waits up to {@code wait} or until nudged; false when interrupted (closing). */
    private boolean await(Duration wait) {
        if (wait.isZero()) {
            return running;
        }
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (!pendingNudge && nanos > 0 && running) {
                nanos = nudged.awaitNanos(nanos);
            }
            pendingNudge = false;
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
