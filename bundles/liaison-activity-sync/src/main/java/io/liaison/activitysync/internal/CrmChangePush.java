package io.liaison.activitysync.internal;

import io.liaison.api.crm.CrmEvents;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.SyncService;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Push: the host CRM posts {@link CrmEvents#TOPIC_ACTIVITY_CHANGED} after a committed change; this handler asks for
 * a run of the appointments and tasks of the owner's active accounts, debounced so that a burst of changes is one
 * run. Events are hints only: the run reads the CRM's change feed, so a lost or repeated event does no harm.
 */
@Component(service = EventHandler.class, configurationPid = "io.liaison.activitysync",
        property = EventConstants.EVENT_TOPIC + "=" + CrmEvents.TOPIC_ACTIVITY_CHANGED)
public final class CrmChangePush implements EventHandler {

    private final AccountService accounts;
    private final ScheduledExecutorService executor;
    private final PushDebouncer debouncer;

    @Activate
    public CrmChangePush(@Reference AccountService accounts, @Reference SyncService sync, ActivitySyncConfig config) {
        this.accounts = accounts;
        ScheduledThreadPoolExecutor pushes = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "liaison-activity-push");
            t.setDaemon(true);
            return t;
        });
        // on shutdown, pushes not yet due are dropped: the interval runs and the next push catch up
        pushes.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pushes;
        this.debouncer = new PushDebouncer(sync, executor, config.pushDelayMillis());
    }

    /**
     * A changed configuration (the PID is shared with the activity sync): the new delay applies to the next push;
     * without this, DS would restart the component and drop the pushes waiting.
     */
    @Modified
    void modified(ActivitySyncConfig config) {
        debouncer.setDelayMillis(config.pushDelayMillis());
    }

    @Override
    public void handleEvent(Event event) {
        Object employee = event.getProperty(CrmEvents.PROPERTY_EMPLOYEE);
        if (!(employee instanceof String id) || id.isBlank()) {
            return;
        }
        for (GroupwareAccount account : accounts.forEmployee(EmployeeId.of(id))) {
            Set<SyncArea> areas = EnumSet.noneOf(SyncArea.class);
            areas.addAll(account.areas());
            areas.retainAll(Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS));
            if (account.state() == AccountState.ACTIVE && !areas.isEmpty()) {
                debouncer.request(account.id(), areas);
            }
        }
    }

    /**
     * Drops the pushes not yet due and lets a run under way end (the runtime cancels it between items when the module
     * goes away); never interrupts it, which could break its JDBC or file work in the middle.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
