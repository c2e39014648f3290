package io.liaison.activitysync.internal;

import io.liaison.api.domain.ConflictPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The flows a test opens, each in a folder of its own below the test's directory, closed together after the test:
 * CRM_WINS, the default mass-delete guard, the system clock, and the account settings the test gives.
 */
final class ActivityFlows implements AutoCloseable {
    private final Supplier<Path> dir;
    private final List<ActivityFlow> flows = new ArrayList<>();

    /** @param dir the test's directory (a supplier: JUnit injects a {@code @TempDir} field after construction) */
    ActivityFlows(Supplier<Path> dir) {
        this.dir = dir;
    }

    ActivityFlow open(Groupware groupware, Map<String, String> settings) {
        ActivityFlow flow = new ActivityFlow(dir.get().resolve("f" + flows.size()), groupware, ConflictPolicy.CRM_WINS,
                0.5, 10, Optional.empty(), settings);
        flows.add(flow);
        return flow;
    }

    @Override
    public void close() {
        flows.forEach(ActivityFlow::close);
    }
}
