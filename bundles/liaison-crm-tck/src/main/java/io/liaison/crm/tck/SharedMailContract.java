package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.KeyHolders;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.EmployeeId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One activity per imported mail for the whole CRM ({@link ActivityStore#sharesMailActivities}): the mail another
 * employee imported first is found by its key and the second importer added, so that it is among their imported
 * mails. A CRM that keeps mail activities per owner says so and offers neither call.
 */
public abstract class SharedMailContract extends ContractSupport {
    private static final int LIMIT = 1000;

    private Activity imported(ActivityData data, String key) {
        return crm().activities().create(data.owner(), data, Optional.of(key));
    }

    private static String key() {
        return "<" + CrmTestData.unique("shared") + "@mail.example>";
    }

    private void assumeShared() {
        Assumptions.assumeTrue(crm().activities().sharesMailActivities(), "this CRM keeps mail activities per owner");
    }

    /**
     * Runs on either kind of CRM, so that the contract never passes by skipping: a CRM that keeps mail activities per
     * owner finds no shared mail and refuses to add an importer; one that shares them finds the actor's own mail by its
     * key (the cases below go on from there).
     */
    @Test
    void theCallsFollowTheKindTheCrmSaysItIs() {
        String key = key();
        Activity mine = imported(CrmTestData.mail(me(), "per owner or shared", CrmTestData.uniqueWindow()).build(), key);
        if (crm().activities().sharesMailActivities()) {
            assertThat(crm().activities().findSharedMail(me(), key)).map(Activity::id).contains(mine.id());
        } else {
            assertThat(crm().activities().findSharedMail(me(), key)).isEmpty();
            assertThatThrownBy(() -> crm().activities().addImporter(me(), mine.id()))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /**
     * The look-up of several keys at once answers each key as {@code findBySourceKey} and {@code findSharedMail} do,
     * on either kind of CRM: the actor's own activity under a key another employee used first, another employee's
     * mail, another employee's private mail, the actor's task (no mail), a key nothing holds, a key given twice.
     */
    @Test
    void theLookUpOfSeveralKeysAnswersEachKeyAsTheSingleLookUps() {
        EmployeeId other = someoneElse();
        String both = key();
        imported(CrmTestData.mail(other, "theirs first", CrmTestData.uniqueWindow()).build(), both);
        Activity mine = imported(CrmTestData.mail(me(), "mine second", CrmTestData.uniqueWindow()).build(), both);
        String onlyTheirs = key();
        Activity theirs = imported(CrmTestData.mail(other, "only theirs", CrmTestData.uniqueWindow()).build(),
                onlyTheirs);
        String theirPrivate = key();
        imported(CrmTestData.mail(other, "private", CrmTestData.uniqueWindow()).privateActivity(true).build(),
                theirPrivate);
        String myTask = key();
        Activity task = imported(CrmTestData.task(me(), "a task with a key").build(), myTask);
        String nothing = key();

        Map<String, KeyHolders> holders = crm().activities().findByKeys(me(),
                List.of(nothing, both, onlyTheirs, theirPrivate, myTask, both));

        assertThat(holders.keySet()).containsExactly(nothing, both, onlyTheirs, theirPrivate, myTask);
        for (String key : holders.keySet()) {
            assertThat(holders.get(key)).as(key).isEqualTo(new KeyHolders(
                    crm().activities().findBySourceKey(me(), key), crm().activities().findSharedMail(me(), key)));
        }
        // what the single look-ups answer, so that two answers wrong alike cannot pass
        assertThat(holders.get(nothing)).isEqualTo(KeyHolders.NONE);
        assertThat(holders.get(both).own()).map(Activity::id).contains(mine.id());
        assertThat(holders.get(onlyTheirs).own()).isEmpty();
        assertThat(holders.get(theirPrivate).own()).isEmpty();
        assertThat(holders.get(myTask).own()).map(Activity::id).contains(task.id());
        assertThat(holders.get(myTask).shared()).isEmpty();
        assertThat(holders.get(theirPrivate).shared()).isEmpty();
        if (crm().activities().sharesMailActivities()) {
            assertThat(holders.get(both).shared()).as("the actor's own first").map(Activity::id).contains(mine.id());
            assertThat(holders.get(onlyTheirs).shared()).map(Activity::id).contains(theirs.id());
        } else {
            assertThat(holders.get(both).shared()).isEmpty();
            assertThat(holders.get(onlyTheirs).shared()).isEmpty();
        }
        assertThat(crm().activities().findByKeys(me(), List.of())).isEmpty();
    }

    @Test
    void aMailAnotherEmployeeImportedIsFoundByItsKey() {
        assumeShared();
        EmployeeId other = someoneElse();
        String key = key();
        Activity theirs = imported(CrmTestData.mail(other, "theirs", CrmTestData.uniqueWindow()).build(), key);

        assertThat(crm().activities().findSharedMail(me(), key)).map(Activity::id).contains(theirs.id());
        assertThat(crm().activities().findSharedMail(me(), key())).isEmpty();
        assertThat(crm().activities().findBySourceKey(me(), key)).as("the key stays the owner's").isEmpty();
    }

    @Test
    void theActorsOwnActivityComesFirst() {
        assumeShared();
        EmployeeId other = someoneElse();
        String key = key();
        imported(CrmTestData.mail(other, "theirs", CrmTestData.uniqueWindow()).build(), key);
        Activity mine = imported(CrmTestData.mail(me(), "mine", CrmTestData.uniqueWindow()).build(), key);

        assertThat(crm().activities().findSharedMail(me(), key)).map(Activity::id).contains(mine.id());
    }

    @Test
    void anActivityWithoutMailDetailsIsNoSharedMail() {
        assumeShared();
        EmployeeId other = someoneElse();
        String key = key();
        imported(CrmTestData.task(other, "a task with a key").build(), key);

        assertThat(crm().activities().findSharedMail(me(), key)).isEmpty();
    }

    @Test
    void anotherEmployeesPrivateMailIsNotShared() {
        assumeShared();
        EmployeeId other = someoneElse();
        String key = key();
        imported(CrmTestData.mail(other, "private", CrmTestData.uniqueWindow()).privateActivity(true).build(), key);

        assertThat(crm().activities().findSharedMail(me(), key)).isEmpty();
    }

    @Test
    void theSecondImporterFindsTheMailAmongTheirImportedMailsOnceWithOwnerAndContentKept() {
        assumeShared();
        EmployeeId other = someoneElse();
        Activity theirs = imported(CrmTestData.mail(other, "shared", CrmTestData.uniqueWindow()).build(), key());

        Activity added = crm().activities().addImporter(me(), theirs.id());
        crm().activities().addImporter(me(), theirs.id()); // a repeat changes nothing

        assertThat(added.data()).isEqualTo(theirs.data());
        Activity now = crm().activities().get(me(), theirs.id()).orElseThrow();
        assertThat(now.version()).isEqualTo(theirs.version());
        assertThat(now.data().owner()).isEqualTo(other);
        for (Quicksearch q : Quicksearch.values()) {
            assertThat(crm().activities().quicksearch(me(), q, LIMIT)).as("%s", q).extracting(Activity::id)
                    .containsOnlyOnce(theirs.id());
            assertThat(crm().activities().quicksearch(other, q, LIMIT)).as("%s", q).extracting(Activity::id)
                    .containsOnlyOnce(theirs.id());
        }
    }

    @Test
    void aDeletedSharedMailLeavesEveryImportersSearches() {
        assumeShared();
        EmployeeId other = someoneElse();
        Activity theirs = imported(CrmTestData.mail(other, "deleted", CrmTestData.uniqueWindow()).build(), key());
        crm().activities().addImporter(me(), theirs.id());

        crm().activities().delete(other, theirs.id(), theirs.version());

        assertThat(crm().activities().quicksearch(me(), Quicksearch.ALL_IMPORTED_MAILS, LIMIT)).extracting(Activity::id)
                .doesNotContain(theirs.id());
    }
}
