package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The activity change feed: from a token, every activity the actor owns that was created or changed since, with its
 * current content, and every one deleted since, by id; in pages of at most {@code max} items; resumable from the
 * token of any page.
 */
public abstract class ActivityChangeFeedContract extends ContractSupport {

    private CrmTestData.Feed<Activity, ActivityId> drain(EmployeeId actor, Optional<CrmToken> since, int max) {
        return CrmTestData.drain(t -> crm().activities().changesSince(actor, t, max), Activity::id, since);
    }

    /** The token after every change so far. */
    private CrmToken head(EmployeeId actor) {
        return drain(actor, Optional.empty(), 500).next();
    }

    private Activity task(String subject) {
        return crm().activities().create(me(), CrmTestData.task(me(), subject).build(), Optional.empty());
    }

    @Test
    void createsUpdatesAndDeletesSinceATokenAreReported() {
        Activity deletedLater = task("deleted later");
        Activity updatedLater = task("updated later");
        CrmToken token = head(me());

        Activity created = task("created");
        Activity updated = crm().activities().update(me(), updatedLater.id(), updatedLater.version(),
                updatedLater.data().toBuilder().subject("updated").build());
        crm().activities().delete(me(), deletedLater.id(), deletedLater.version());

        var feed = drain(me(), Optional.of(token), 500);
        assertThat(feed.changed(created.id())).contains(created);
        assertThat(feed.changed(updated.id())).contains(updated);
        assertThat(feed.removed(deletedLater.id())).isTrue();
        assertThat(feed.last().keySet()).containsExactlyInAnyOrder(created.id(), updated.id(), deletedLater.id());
    }

    /** Issue 25: a CRM that can tell a token ahead of its feed never says so of a token it gave out. */
    @Test
    void noTokenTheFeedGaveOutIsAheadOfIt() {
        CrmToken before = head(me());
        Activity a = task("ahead?");
        CrmToken after = head(me());
        crm().activities().update(me(), a.id(), a.version(), a.data().toBuilder().subject("later").build());

        assertThat(crm().activities().aheadOfFeed(me(), before)).isFalse();
        assertThat(crm().activities().aheadOfFeed(me(), after)).isFalse();
        assertThat(crm().activities().aheadOfFeed(someoneElse(), after)).isFalse();
    }

    @Test
    void anEmptyTokenStartsAtTheBeginning() {
        Activity created = task("from the start");
        var feed = drain(me(), Optional.empty(), 500);
        assertThat(feed.changed(created.id())).contains(created);
    }

    @Test
    void changedItemsCarryTheirCurrentContent() {
        CrmToken token = head(me());
        Activity a = task("v1");
        Activity v2 = crm().activities().update(me(), a.id(), a.version(), a.data().toBuilder().subject("v2").build());
        Activity v3 = crm().activities().update(me(), a.id(), v2.version(), a.data().toBuilder().subject("v3").build());
        var feed = drain(me(), Optional.of(token), 500);
        assertThat(feed.changed(a.id())).contains(v3);
    }

    /** Marking an activity private changes nothing else, and is still a change a synchronisation must see. */
    @Test
    void aChangeOfOnlyThePrivateMarkIsReported() {
        Activity a = task("to be marked private");
        CrmToken token = head(me());
        Activity marked = crm().activities().update(me(), a.id(), a.version(),
                a.data().toBuilder().privateActivity(true).build());
        assertThat(marked.version()).isNotEqualTo(a.version());
        var feed = drain(me(), Optional.of(token), 500);
        assertThat(feed.changed(a.id())).contains(marked);
        assertThat(feed.changed(a.id()).orElseThrow().data().privateActivity()).isTrue();
    }

    @Test
    void anItemCreatedAndDeletedSinceTheTokenIsNotReportedAsExisting() {
        CrmToken token = head(me());
        Activity a = task("short-lived");
        crm().activities().delete(me(), a.id(), a.version());
        var feed = drain(me(), Optional.of(token), 500);
        assertThat(feed.changed(a.id())).isEmpty();
    }

    @Test
    void pagesHoldAtMostMaxItemsAndTogetherHoldEveryChange() {
        CrmToken token = head(me());
        List<Activity> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(task("paged " + i));
        }
        crm().activities().delete(me(), created.get(0).id(), created.get(0).version());

        var feed = drain(me(), Optional.of(token), 2);
        assertThat(feed.pages()).hasSizeGreaterThanOrEqualTo(4);
        for (CrmChangePage<Activity, ActivityId> page : feed.pages()) {
            assertThat(page.changed().size() + page.removed().size()).isLessThanOrEqualTo(2);
        }
        assertThat(feed.pages().subList(0, feed.pages().size() - 1)).allSatisfy(p -> assertThat(p.more()).isTrue());
        assertThat(feed.pages().get(feed.pages().size() - 1).more()).isFalse();
        for (Activity a : created.subList(1, created.size())) {
            assertThat(feed.changed(a.id())).contains(a);
        }
        assertThat(feed.changed(created.get(0).id())).isEmpty();
    }

    @Test
    void aFeedResumesFromAnyPagesToken() {
        CrmToken token = head(me());
        Activity a = task("a");
        Activity b = task("b");
        CrmChangePage<Activity, ActivityId> first = crm().activities().changesSince(me(), Optional.of(token), 1);
        assertThat(first.changed()).extracting(Activity::id).containsExactly(a.id());
        assertThat(first.more()).isTrue();
        // reading from the same token again gives the same page: nothing is consumed
        assertThat(crm().activities().changesSince(me(), Optional.of(token), 1).changed()).extracting(Activity::id)
                .containsExactly(a.id());
        var rest = drain(me(), Optional.of(first.next()), 1);
        assertThat(rest.last().keySet()).containsExactly(b.id());
    }

    @Test
    void aFeedAtItsEndIsEmptyUntilTheNextChange() {
        Activity a = task("quiet");
        CrmToken token = head(me());
        CrmChangePage<Activity, ActivityId> quiet = crm().activities().changesSince(me(), Optional.of(token), 10);
        assertThat(quiet.changed()).isEmpty();
        assertThat(quiet.removed()).isEmpty();
        assertThat(quiet.more()).isFalse();

        Activity changed = crm().activities().update(me(), a.id(), a.version(), a.data().toBuilder().subject("loud").build());
        var feed = drain(me(), Optional.of(quiet.next()), 10);
        assertThat(feed.last()).containsOnlyKeys(a.id());
        assertThat(feed.changed(a.id())).contains(changed);
        assertThat(drain(me(), Optional.of(feed.next()), 10).last()).isEmpty();
    }

    @Test
    void theFeedCoversOnlyTheActorsOwnActivities() {
        EmployeeId other = someoneElse();
        CrmToken myToken = head(me());
        CrmToken theirToken = head(other);
        Activity mine = task("mine");
        Activity theirs = crm().activities().create(other, CrmTestData.task(other, "theirs").build(), Optional.empty());

        assertThat(drain(me(), Optional.of(myToken), 500).last()).containsOnlyKeys(mine.id());
        assertThat(drain(other, Optional.of(theirToken), 500).last()).containsOnlyKeys(theirs.id());
    }

    @Test
    void handingAnActivityToAnotherOwnerRemovesItFromTheFirstOwnersFeed() {
        EmployeeId other = someoneElse();
        Activity a = task("handed over");
        CrmToken myToken = head(me());
        CrmToken theirToken = head(other);
        Activity handed = crm().activities().update(me(), a.id(), a.version(), a.data().toBuilder().owner(other).build());

        var myFeed = drain(me(), Optional.of(myToken), 500);
        assertThat(myFeed.changed(a.id())).isEmpty();
        assertThat(myFeed.removed(a.id())).as("reported removed from the first owner's feed").isTrue();
        var theirFeed = drain(other, Optional.of(theirToken), 500);
        assertThat(theirFeed.changed(a.id())).contains(handed);
    }
}
