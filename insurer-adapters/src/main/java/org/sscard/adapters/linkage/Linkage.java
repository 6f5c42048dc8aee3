package org.sscard.adapters.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.sscard.common.linkage.FeedPoller;

/**
 * The running linkage of every insurer this JVM serves: per insurer, the pusher (its outbox → the relay's inbox)
 * and the consumer (the relay's feed → its schema), each a {@link FeedPoller} on a thread of its own. Started with
 * the web application (the import command pushes nothing: the service delivers what it committed), stopped before
 * the database pool closes.
 */
final class Linkage implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Linkage.class);

    /** One poller and what it last failed with. */
    record Running(String name, FeedPoller poller, LastFailure failure) {}

    private final boolean enabled;
    private final Map<String, Running> pushers = new LinkedHashMap<>();
    private final List<Running> all = new ArrayList<>();
    private volatile boolean running;

    Linkage(boolean enabled) {
        this.enabled = enabled;
    }

    void add(String providerKey, Running pusher, Running consumer) {
        pushers.put(providerKey, pusher);
        all.add(pusher);
        all.add(consumer);
    }

    boolean enabled() {
        return enabled;
    }

    List<Running> pollers() {
        return List.copyOf(all);
    }

    /** The provider's pusher reads its outbox now (a transaction just committed events). */
    void nudge(String providerKey) {
        Running pusher = pushers.get(providerKey);
        if (pusher != null) {
            pusher.poller().nudge();
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            log.info("inter-insurer linkage is disabled (sscard.adapters.linkage.enabled=false)");
            return;
        }
        all.forEach(each -> each.poller().start());
        running = true;
    }

    @Override
    public void stop() {
        for (Running each : all) {
            try {
                each.poller().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
