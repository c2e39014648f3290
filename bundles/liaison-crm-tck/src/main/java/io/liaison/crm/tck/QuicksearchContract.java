package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.StatusKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spec's quicksearches, as {@link Quicksearch} defines them: imported mails are MAILIN activities created with
 * a source key; "not assigned" ones have neither partner nor contact; "imported mails" still have status I; "all
 * imported mails" have any status. Each covers the actor's own activities, newest first.
 */
public abstract class QuicksearchContract extends ContractSupport {
    /** Large enough to reach this test's items past those other tests left behind. */
    private static final int LIMIT = 1000;

    private Activity unassignedImported;
    private Activity assignedImported;
    private Activity unassignedDone;
    private Activity assignedDone;
    private Activity mailWithoutKey;
    private Activity taskWithKey;
    private Set<ActivityId> mine;

    @BeforeEach
    void createMails() {
        BusinessPartner bp = newPartner();
        ContactPerson cp = newContact(CrmTestData.unique("qs") + "@customer.example");
        Instant t = CrmTestData.uniqueWindow();
        unassignedImported = imported(CrmTestData.mail(me(), "unassigned, I", t.plusSeconds(10)).build());
        assignedImported = imported(CrmTestData.mail(me(), "assigned, I", t.plusSeconds(20)).businessPartner(bp.id()).build());
        unassignedDone = imported(CrmTestData.mail(me(), "unassigned, E", t.plusSeconds(30)).status(StatusKey.DONE).build());
        assignedDone = imported(CrmTestData.mail(me(), "assigned, E", t.plusSeconds(40)).status(StatusKey.DONE)
                .contactPerson(cp.id()).build());
        mailWithoutKey = crm().activities().create(me(), CrmTestData.mail(me(), "typed in", t.plusSeconds(50)).build(),
                Optional.empty());
        taskWithKey = imported(CrmTestData.task(me(), "task").start(t.plusSeconds(60)).build());
        mine = Set.of(unassignedImported.id(), assignedImported.id(), unassignedDone.id(), assignedDone.id(),
                mailWithoutKey.id(), taskWithKey.id());
    }

    private Activity imported(io.liaison.api.domain.ActivityData data) {
        return crm().activities().create(data.owner(), data, Optional.of(CrmTestData.unique("msg") + "@mail.example"));
    }

    private List<ActivityId> run(EmployeeId actor, Quicksearch q) {
        return crm().activities().quicksearch(actor, q, LIMIT).stream()
                .map(Activity::id).filter(mine::contains).collect(Collectors.toList());
    }

    @Test
    void notAssignedImportedMailsAreThoseWithNeitherPartnerNorContactWhateverTheStatus() {
        assertThat(run(me(), Quicksearch.NOT_ASSIGNED_IMPORTED_MAILS))
                .containsExactly(unassignedDone.id(), unassignedImported.id());
    }

    @Test
    void importedMailsAreThoseStillInStatusI() {
        assertThat(run(me(), Quicksearch.IMPORTED_MAILS)).containsExactly(assignedImported.id(), unassignedImported.id());
    }

    @Test
    void allImportedMailsHaveAnyStatus() {
        assertThat(run(me(), Quicksearch.ALL_IMPORTED_MAILS))
                .containsExactly(assignedDone.id(), unassignedDone.id(), assignedImported.id(), unassignedImported.id());
    }

    @Test
    void resultsAreImportedMailsOfTheActorNewestFirst() {
        for (Quicksearch q : Quicksearch.values()) {
            List<Activity> all = crm().activities().quicksearch(me(), q, LIMIT);
            assertThat(all).as("%s", q).allSatisfy(a -> {
                assertThat(a.data().type().key()).isEqualTo("MAILIN");
                assertThat(a.sourceKey()).isPresent();
                assertThat(a.data().owner().equals(me()) || crm().activities().sharesMailActivities())
                        .as("the actor's own, or a shared mail the actor imported too").isTrue();
            });
        }
    }

    @Test
    void theLimitIsRespected() {
        for (Quicksearch q : Quicksearch.values()) {
            assertThat(crm().activities().quicksearch(me(), q, 1)).as("%s", q).hasSize(1);
        }
    }

    @Test
    void dealingWithAMailTakesItOutOfTheSearchesThatNoLongerApply() {
        Activity done = crm().activities().update(me(), unassignedImported.id(), unassignedImported.version(),
                unassignedImported.data().toBuilder().status(StatusKey.DONE).build());
        assertThat(run(me(), Quicksearch.IMPORTED_MAILS)).containsExactly(assignedImported.id());
        assertThat(run(me(), Quicksearch.NOT_ASSIGNED_IMPORTED_MAILS)).contains(done.id());

        BusinessPartner bp = newPartner();
        crm().activities().update(me(), done.id(), done.version(), done.data().toBuilder().businessPartner(bp.id()).build());
        assertThat(run(me(), Quicksearch.NOT_ASSIGNED_IMPORTED_MAILS)).containsExactly(unassignedDone.id());
        assertThat(run(me(), Quicksearch.ALL_IMPORTED_MAILS)).hasSize(4);
    }

    @Test
    void anotherEmployeesMailsAreNotMine() {
        EmployeeId other = someoneElse();
        Activity theirs = imported(CrmTestData.mail(other, "theirs", CrmTestData.uniqueWindow()).build());
        for (Quicksearch q : Quicksearch.values()) {
            assertThat(crm().activities().quicksearch(me(), q, LIMIT)).extracting(Activity::id).doesNotContain(theirs.id());
            assertThat(crm().activities().quicksearch(other, q, LIMIT)).extracting(Activity::id).contains(theirs.id())
                    .doesNotContainAnyElementsOf(mine);
        }
    }
}
