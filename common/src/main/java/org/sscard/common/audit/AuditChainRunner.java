package org.sscard.common.audit;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * A service's chainer and checkpoint signer, on one background thread of their own: links committed audit rows every
 * {@code sscard.audit.link-interval} and signs the head every {@code sscard.audit.checkpoint-interval}. Started with
 * the application context (its audit key is made then, at the first start, and a service that cannot make or read it
 * does not start); a failed pass is logged and the next one tries again, since nothing is lost: unlinked rows wait.
 * A service registers one as a bean with {@link #of}, naming its chain.
 */
public final class AuditChainRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainRunner.class);

    /** How often the chainer searches each table from its first row, whatever its floors say. */
    private static final Duration FULL_SEARCH = Duration.ofHours(1);

    private final DataSource dataSource;
    private final AuditedChain chain;
    private final AuditChainSettings settings;
    private final Clock clock;
    private final AuditChainer chainer;
    private volatile AuditCheckpointer checkpointer;
    private volatile ScheduledExecutorService executor;
    private Instant lastFullSearch;
    private boolean failing;

    AuditChainRunner(DataSource dataSource, AuditedChain chain, AuditChainSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.settings = settings;
        this.clock = clock;
        this.chainer = new AuditChainer(dataSource, chain);
    }

    /** The service's chain with its settings from the environment ({@link AuditChainSettings}). */
    public static AuditChainRunner of(DataSource dataSource, Environment environment, AuditedChain chain) {
        return new AuditChainRunner(dataSource, chain, AuditChainSettings.from(environment), Clock.systemUTC());
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        try {
            AuditKey key = AuditKey.loadOrCreate(AuditKey.directoryOf(settings.dataDir(), chain.name()));
            checkpointer = new AuditCheckpointer(dataSource, chain, key, clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot make or read the audit key of " + chain.name() + " in "
                            + AuditKey.directoryOf(settings.dataDir(), chain.name()) + ": " + e.getMessage(),
                    e);
        }
        lastFullSearch = clock.instant();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-chain-" + chain.name());
            thread.setDaemon(true);
            return thread;
        });
        long link = settings.linkInterval().toMillis();
        long checkpoint = settings.checkpointInterval().toMillis();
        executor.scheduleWithFixedDelay(this::linkQuietly, link, link, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::checkpointQuietly, checkpoint, checkpoint, TimeUnit.MILLISECONDS);
        log.info(
                "audit chain of {} started: links every {}, checkpoints every {}",
                chain.name(),
                settings.linkInterval(),
                settings.checkpointInterval());
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Links now what is waiting (as the schedule would); for tests and a clean start. */
    public int linkNow() throws SQLException {
        return chainer.linkPending();
    }

    /** Signs the head now if it has moved (as the schedule would). */
    public Optional<Checkpoint> checkpointNow() throws SQLException, GeneralSecurityException, IOException {
        AuditCheckpointer current = checkpointer;
        if (current == null) {
            throw new IllegalStateException("the audit chain of " + chain.name() + " has not started");
        }
        return current.checkpoint();
    }

    private void linkQuietly() {
        try {
            if (Duration.between(lastFullSearch, clock.instant()).compareTo(FULL_SEARCH) >= 0) {
                chainer.searchEverything();
                lastFullSearch = clock.instant();
            }
            chainer.linkPending();
            recovered();
        } catch (SQLException | RuntimeException e) {
            failed("link", e);
        }
    }

    private void checkpointQuietly() {
        try {
            checkpointNow();
            recovered();
        } catch (ChainRewrittenException e) {
            // an alarm, at every attempt: someone changed the audit trail behind the service's back
            log.error("audit chain of {} NOT SIGNED: {}; run bin/sscard-audit verify", chain.name(), e.getMessage());
        } catch (SQLException | GeneralSecurityException | IOException | RuntimeException e) {
            failed("checkpoint", e);
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            log.info("audit chain of {} works again", chain.name());
        }
    }

    /** Once per failure streak as a warning (a database that is down would otherwise fill the log each second). */
    private void failed(String what, Exception e) {
        if (!failing) {
            failing = true;
            log.warn("audit chain of {}: {} failed, retrying: {}", chain.name(), what, e.toString());
        } else {
            log.debug("audit chain of {}: {} failed again", chain.name(), what, e);
        }
    }
}
