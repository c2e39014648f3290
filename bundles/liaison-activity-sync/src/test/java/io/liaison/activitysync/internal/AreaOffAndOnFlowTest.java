package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 3: an area switched off forgets its links, marks and tokens; switched on again it starts clean and
 * pairs the items by the ids they carry, writing no second copy on either side.
 */
class AreaOffAndOnFlowTest {
    @TempDir
    Path dir;

    private static AccountRequest withAreas(GroupwareAccount a, Set<SyncArea> areas) {
        return new AccountRequest(a.employee(), a.connectorType(), a.settings(), a.autoSync(), a.interval(), areas,
                a.conflictPolicy());
    }

    @Test
    void anAreaSwitchedOffAndOnAgainStartsCleanAndMatchesByTheIdsItemsCarry() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity visit = flow.crmCreate(ActivityType.APPOINTMENT, "Visit ACME", at(1, 9));
        flow.crmCreate(ActivityType.TASK, "Call back", at(2, 9));
        flow.run();
        GroupwareAccount account = flow.accounts.get(flow.account.id()).orElseThrow();
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(1);
        assertThat(flow.tokens.get(account.id(), "events")).isPresent();

        flow.accounts.update(account.id(), withAreas(account, Set.of(SyncArea.TASKS)));

        assertThat(flow.links(SyncArea.APPOINTMENTS)).isEmpty();
        assertThat(flow.tokens.get(account.id(), "events")).isEmpty();
        assertThat(flow.tokens.get(account.id(), "crm-activities:APPOINTMENTS")).isEmpty();
        assertThat(flow.links(SyncArea.TASKS)).as("the other area keeps what it had").hasSize(1);
        assertThat(flow.tokens.get(account.id(), "tasks")).isPresent();

        flow.accounts.update(account.id(), withAreas(account, Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS)));
        flow.run();

        assertThat(flow.gwEvents()).as("no second copy in the groupware").hasSize(1);
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING)))
                .as("no second copy in the CRM").hasSize(1);
        assertThat(flow.links(SyncArea.APPOINTMENTS)).singleElement()
                .satisfies(link -> assertThat(link.crmId()).isEqualTo(visit.id().value()));
        Convergence.assertConverged(flow);
    }
}
