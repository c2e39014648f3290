package io.liaison.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.runtime.Link;
import io.liaison.sync.engine.Step.Kind;
import io.liaison.sync.engine.Step.Resolution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannerTest {
    private static final AccountId ACCOUNT = AccountId.of("acc");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final MassDeleteGuard NO_GUARD = new MassDeleteGuard(1.0, 0).acknowledge();

    private static Link link(String n) {
        return new Link(ACCOUNT, "S", "c" + n, "1", "g" + n, "1", "h" + n, T0);
    }

    private static SideItem<String> item(String id, String version, String hash, String partner, Instant modified) {
        return new SideItem<>(id, version, hash, Optional.ofNullable(partner), Optional.ofNullable(modified), id, "x");
    }

    private static SideChanges<String> changes(List<SideItem<String>> changed, Set<String> removed, boolean complete) {
        return new SideChanges<>(changed, removed, complete, new SyncToken("t"));
    }

    private static SideChanges<String> none() {
        return changes(List.of(), Set.of(), false);
    }

    private static Plan<String, String> plan(List<Link> links, SideChanges<String> crm, SideChanges<String> gw,
                                             ConflictPolicy policy) {
        return Planner.plan(links, crm, gw, policy, NO_GUARD);
    }

    private static Kind only(Plan<String, String> plan) {
        assertThat(plan.steps()).hasSize(1);
        return plan.steps().get(0).kind();
    }

    @Test
    void newOnEitherSideIsCreatedOnTheOther() {
        assertThat(only(plan(List.of(), changes(List.of(item("c1", "1", "h", null, null)), Set.of(), false), none(),
                ConflictPolicy.CRM_WINS))).isEqualTo(Kind.CREATE_IN_GROUPWARE);
        Plan<String, String> p = plan(List.of(), none(), changes(List.of(item("g1", "1", "h", null, null)), Set.of(), false),
                ConflictPolicy.CRM_WINS);
        assertThat(only(p)).isEqualTo(Kind.CREATE_IN_CRM);
        assertThat(p.steps().get(0).lookUpFirst()).isFalse();
    }

    @Test
    void aCreateInAnIncompleteGroupwareLooksForAnEarlierCopyFirst() {
        Plan<String, String> p = plan(List.of(), changes(List.of(item("c1", "1", "h", null, null)), Set.of(), false),
                none(), ConflictPolicy.CRM_WINS);
        assertThat(p.steps().get(0).lookUpFirst()).isTrue();
    }

    @Test
    void changedOnOneSideUpdatesTheOther() {
        assertThat(only(plan(List.of(link("1")), changes(List.of(item("c1", "2", "new", null, null)), Set.of(), false),
                none(), ConflictPolicy.CRM_WINS))).isEqualTo(Kind.UPDATE_GROUPWARE);
        assertThat(only(plan(List.of(link("1")), none(), changes(List.of(item("g1", "2", "new", "c1", null)), Set.of(), false),
                ConflictPolicy.CRM_WINS))).isEqualTo(Kind.UPDATE_CRM);
    }

    @Test
    void anEchoOfOurOwnWriteIsNoChange() {
        Plan<String, String> p = plan(List.of(link("1")), changes(List.of(item("c1", "1", "other", null, null)), Set.of(), false),
                changes(List.of(item("g1", "1", "other", "c1", null)), Set.of(), false), ConflictPolicy.CRM_WINS);
        assertThat(p.steps()).isEmpty();
        assertThat(p.unchanged()).isEqualTo(1);
    }

    @Test
    void aNewVersionWithTheLinkedContentOnlyRefreshesTheLink() {
        assertThat(only(plan(List.of(link("1")), changes(List.of(item("c1", "2", "h1", null, null)), Set.of(), false),
                none(), ConflictPolicy.CRM_WINS))).isEqualTo(Kind.REFRESH_LINK);
    }

    @Test
    void deletedOnOneSideDeletesTheOther() {
        assertThat(only(plan(List.of(link("1")), changes(List.of(), Set.of("c1"), false), none(), ConflictPolicy.CRM_WINS)))
                .isEqualTo(Kind.DELETE_IN_GROUPWARE);
        assertThat(only(plan(List.of(link("1")), none(), changes(List.of(), Set.of("g1"), false), ConflictPolicy.CRM_WINS)))
                .isEqualTo(Kind.DELETE_IN_CRM);
        assertThat(only(plan(List.of(link("1")), changes(List.of(), Set.of("c1"), false),
                changes(List.of(), Set.of("g1"), false), ConflictPolicy.CRM_WINS))).isEqualTo(Kind.DROP_LINK);
    }

    @Test
    void anEditBeatsADeleteOnTheOtherSide() {
        Plan<String, String> p = plan(List.of(link("1")), changes(List.of(), Set.of("c1"), false),
                changes(List.of(item("g1", "2", "new", "c1", null)), Set.of(), false), ConflictPolicy.CRM_WINS);
        assertThat(only(p)).isEqualTo(Kind.CREATE_IN_CRM);
        assertThat(p.steps().get(0).link()).isPresent();
        assertThat(only(plan(List.of(link("1")), changes(List.of(item("c1", "2", "new", null, null)), Set.of(), false),
                changes(List.of(), Set.of("g1"), false), ConflictPolicy.CRM_WINS))).isEqualTo(Kind.CREATE_IN_GROUPWARE);
    }

    @ParameterizedTest
    @CsvSource({"CRM_WINS,CRM_WINS", "GROUPWARE_WINS,GROUPWARE_WINS", "KEEP_BOTH,KEEP_BOTH"})
    void changedOnBothSidesFollowsThePolicy(ConflictPolicy policy, Resolution expected) {
        Plan<String, String> p = plan(List.of(link("1")), changes(List.of(item("c1", "2", "a", null, null)), Set.of(), false),
                changes(List.of(item("g1", "2", "b", "c1", null)), Set.of(), false), policy);
        assertThat(only(p)).isEqualTo(Kind.CONFLICT);
        assertThat(p.steps().get(0).resolution()).contains(expected);
    }

    @Test
    void newestWinsComparesModificationTimesAndFallsBackToTheCrm() {
        Instant older = T0.plusSeconds(10);
        Instant newer = T0.plusSeconds(20);
        assertThat(plan(List.of(link("1")), changes(List.of(item("c1", "2", "a", null, older)), Set.of(), false),
                changes(List.of(item("g1", "2", "b", "c1", newer)), Set.of(), false), ConflictPolicy.NEWEST_WINS)
                .steps().get(0).resolution()).contains(Resolution.GROUPWARE_WINS);
        assertThat(plan(List.of(link("1")), changes(List.of(item("c1", "2", "a", null, older)), Set.of(), false),
                changes(List.of(item("g1", "2", "b", "c1", newer)), Set.of(), false), ConflictPolicy.NEWEST_WINS)
                .steps().get(0).reason()).contains("in the CRM at " + older).contains("in the groupware at " + newer);
        assertThat(plan(List.of(link("1")), changes(List.of(item("c1", "2", "a", null, newer)), Set.of(), false),
                changes(List.of(item("g1", "2", "b", "c1", older)), Set.of(), false), ConflictPolicy.NEWEST_WINS)
                .steps().get(0).resolution()).contains(Resolution.CRM_WINS);
        Step<String, String> unknown = plan(List.of(link("1")), changes(List.of(item("c1", "2", "a", null, older)), Set.of(), false),
                changes(List.of(item("g1", "2", "b", "c1", null)), Set.of(), false), ConflictPolicy.NEWEST_WINS).steps().get(0);
        assertThat(unknown.resolution()).contains(Resolution.CRM_WINS);
        assertThat(unknown.reason()).contains("no modification time");
    }

    @Test
    void theSameEditOnBothSidesIsNoConflict() {
        assertThat(only(plan(List.of(link("1")), changes(List.of(item("c1", "2", "same", null, null)), Set.of(), false),
                changes(List.of(item("g1", "2", "same", "c1", null)), Set.of(), false), ConflictPolicy.KEEP_BOTH)))
                .isEqualTo(Kind.REFRESH_LINK);
    }

    @Test
    void theMassDeleteGuardStopsTheDeletesOfASideThatLostMostItems() {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            links.add(link(Integer.toString(i)));
        }
        Set<String> gone = Set.of("g0", "g1", "g2", "g3", "g4", "g5");
        Plan<String, String> p = Planner.plan(links, none(), changes(List.of(), gone, false), ConflictPolicy.CRM_WINS,
                MassDeleteGuard.DEFAULT);
        assertThat(p.groupwareDeletesStopped()).isEqualTo(6);
        assertThat(p.actions()).isEmpty();
        assertThat(p.steps()).extracting(Step::kind).containsOnly(Kind.DELETE_STOPPED);
        // half or fewer is a wish, not an outage
        Plan<String, String> half = Planner.plan(links, none(), changes(List.of(), Set.of("g0", "g1", "g2", "g3", "g4"), false),
                ConflictPolicy.CRM_WINS, MassDeleteGuard.DEFAULT);
        assertThat(half.actions()).hasSize(5).extracting(Step::kind).containsOnly(Kind.DELETE_IN_CRM);
        // too few links for the share rule: the guard does not act on two of three gone
        Plan<String, String> few = Planner.plan(links.subList(0, 3), none(), changes(List.of(), Set.of("g0", "g1"), false),
                ConflictPolicy.CRM_WINS, MassDeleteGuard.DEFAULT);
        assertThat(few.actions()).hasSize(2);
    }

    @Test
    void aCompleteReReadMatchesByLinkAndTreatsAbsentLinkedItemsAsGone() {
        List<Link> links = List.of(link("1"), link("2"));
        Plan<String, String> p = plan(links, changes(List.of(item("c1", "1", "h1", null, null), item("c2", "1", "h2", null, null)),
                Set.of(), true), changes(List.of(item("g1", "1", "h1", "c1", null)), Set.of(), true), ConflictPolicy.CRM_WINS);
        assertThat(only(p)).isEqualTo(Kind.DELETE_IN_CRM);
        assertThat(p.steps().get(0).crmId()).contains("c2");
    }

    @Test
    void aCompleteReReadWithoutLinksMatchesByTheIdsTheItemsNameAndDuplicatesNothing() {
        Plan<String, String> p = plan(List.of(),
                changes(List.of(item("c1", "1", "h1", null, null), item("c2", "1", "h2", "g2", null)), Set.of(), true),
                changes(List.of(item("g1", "1", "h1", "c1", null), item("g2", "1", "h2", null, null),
                        item("g3", "1", "h3", null, null)), Set.of(), true), ConflictPolicy.CRM_WINS);
        assertThat(p.steps()).extracting(Step::kind).containsExactlyInAnyOrder(Kind.RELINK, Kind.RELINK, Kind.CREATE_IN_CRM);
        assertThat(p.steps()).filteredOn(s -> s.kind() == Kind.CREATE_IN_CRM).extracting(s -> s.groupwareId().orElseThrow())
                .containsExactly("g3");
    }

    @Test
    void aGroupwareCopyOfALinkedItemIsANewItemNotTheSameOne() {
        Plan<String, String> p = plan(List.of(link("1")), none(),
                changes(List.of(item("gCopy", "1", "h1", "c1", null)), Set.of(), false), ConflictPolicy.CRM_WINS);
        assertThat(only(p)).isEqualTo(Kind.CREATE_IN_CRM);
    }

    private static final SyncRules KEEPING = new SyncRules(DeletionRule.DELETE_ELSE_DETACH, DeletionRule.UNLINK,
            SyncRules.KeepBoth.GROUPWARE_COPY, true, true);

    private static Plan<String, String> kept(SideChanges<String> crm, SideChanges<String> gw) {
        return Planner.plan(List.of(link("1")), crm, gw, ConflictPolicy.KEEP_BOTH, NO_GUARD, KEEPING);
    }

    @Test
    void underUnlinkADeletionInTheGroupwareOnlyDropsTheLinkWhateverTheCrmDid() {
        SideChanges<String> gone = changes(List.of(), Set.of("g1"), false);
        assertThat(only(kept(none(), gone))).isEqualTo(Kind.UNLINK_KEEP_CRM);
        Plan<String, String> edited = kept(changes(List.of(item("c1", "2", "new", null, null)), Set.of(), false), gone);
        assertThat(only(edited)).isEqualTo(Kind.UNLINK_KEEP_CRM);
        assertThat(edited.steps().get(0).reason()).contains("the CRM item is kept");
        assertThat(edited.steps().get(0).action()).isEqualTo("DELETE");
    }

    @Test
    void underDeleteElseDetachAnUntouchedCopyIsDeletedAndAnyEditKeepsIt() {
        SideChanges<String> gone = changes(List.of(), Set.of("c1"), false);
        assertThat(only(kept(gone, none()))).isEqualTo(Kind.DELETE_IN_GROUPWARE);
        // an edit of unsynchronised fields only (same hash) keeps it too
        assertThat(only(kept(gone, changes(List.of(item("g1", "2", "h1", "c1", null)), Set.of(), false))))
                .isEqualTo(Kind.UNLINK_KEEP_GROUPWARE);
        assertThat(only(kept(gone, changes(List.of(item("g1", "2", "new", "c1", null)), Set.of(), false))))
                .isEqualTo(Kind.UNLINK_KEEP_GROUPWARE);
    }

    @Test
    void keepBothCanKeepTheGroupwareEditAsAGroupwareCopy() {
        Plan<String, String> p = kept(changes(List.of(item("c1", "2", "crm", null, null)), Set.of(), false),
                changes(List.of(item("g1", "2", "gw", "c1", null)), Set.of(), false));
        assertThat(only(p)).isEqualTo(Kind.CONFLICT);
        assertThat(p.steps().get(0).resolution()).contains(Resolution.KEEP_BOTH_AS_GROUPWARE_COPY);
        assertThat(p.steps().get(0).direction()).isEqualTo("TO_GROUPWARE");
    }

    @Test
    void theGuardCanRequireAMinimumOfItemsGone() {
        List<Link> links = List.of(link("1"), link("2"), link("3"));
        SideChanges<String> twoGone = changes(List.of(), Set.of("g1", "g2"), false);
        MassDeleteGuard fromFive = new MassDeleteGuard(0.5, 0, 5);
        assertThat(Planner.plan(links, none(), twoGone, ConflictPolicy.CRM_WINS, fromFive).groupwareDeletesStopped())
                .isZero();
        assertThat(Planner.plan(links, none(), twoGone, ConflictPolicy.CRM_WINS, new MassDeleteGuard(0.5, 0))
                .groupwareDeletesStopped()).isEqualTo(2);
        assertThat(fromFive.trips(5, 6)).isTrue();
        assertThat(fromFive.trips(4, 5)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "9"})
    void aSideThatReportsEveryLinkedItemGoneNeverDeletesWhateverTheCount(int count) {
        // vdirsyncer refuses to sync a store that became empty; a small account's emptied calendar is an outage too
        List<Link> links = new ArrayList<>();
        Set<String> gone = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            links.add(link(String.valueOf(i)));
            gone.add("g" + i);
        }
        Plan<String, String> p = Planner.plan(links, none(), changes(List.of(), gone, false), ConflictPolicy.CRM_WINS,
                MassDeleteGuard.DEFAULT);
        assertThat(p.actions()).isEmpty();
        assertThat(p.groupwareDeletesStopped()).isEqualTo(count);
        assertThat(Planner.plan(links, changes(List.of(), Set.of("c0"), false), none(), ConflictPolicy.CRM_WINS,
                new MassDeleteGuard(1.0, 0)).crmDeletesStopped()).isEqualTo(count == 1 ? 1 : 0);
        // an administrator who checked them acknowledges the deletes for one run
        Plan<String, String> acknowledged = Planner.plan(links, none(), changes(List.of(), gone, false),
                ConflictPolicy.CRM_WINS, MassDeleteGuard.DEFAULT.acknowledge());
        assertThat(acknowledged.actions()).hasSize(count).extracting(Step::kind).containsOnly(Kind.DELETE_IN_CRM);
    }

    @Test
    void anItemThatLeftTheSyncIsUnlinkedNeverDeletedAndDoesNotCountForTheGuard() {
        SideChanges<String> crmLeft = new SideChanges<>(List.of(), Set.of(), false, new SyncToken("t"),
                java.util.Map.of(), java.util.Map.of("c1", "its type is now VISIT"));
        Plan<String, String> p = Planner.plan(List.of(link("1")), crmLeft, none(), ConflictPolicy.CRM_WINS,
                MassDeleteGuard.DEFAULT);
        assertThat(only(p)).isEqualTo(Kind.CRM_ITEM_LEFT);
        assertThat(p.steps().get(0).reason()).contains("no longer synchronised", "VISIT", "groupware item is kept");
        assertThat(p.crmDeletesStopped()).isZero();
        // left on one side and gone on the other: only the link goes
        assertThat(only(Planner.plan(List.of(link("1")), crmLeft, changes(List.of(), Set.of("g1"), false),
                ConflictPolicy.CRM_WINS, NO_GUARD))).isEqualTo(Kind.DROP_LINK);
        SideChanges<String> gwLeft = new SideChanges<>(List.of(), Set.of(), false, new SyncToken("t"),
                java.util.Map.of(), java.util.Map.of("g1", "private"));
        assertThat(only(Planner.plan(List.of(link("1")), changes(List.of(item("c1", "2", "new", null, null)), Set.of(),
                false), gwLeft, ConflictPolicy.CRM_WINS, NO_GUARD))).isEqualTo(Kind.GROUPWARE_ITEM_LEFT);
    }

    @Test
    void anUnreadableItemIsNeitherChangedNorGoneAndItsPartnersEditWaits() {
        List<Link> links = List.of(link("1"), link("2"));
        SideChanges<String> unreadable = new SideChanges<>(List.of(), Set.of(), true, new SyncToken("t"),
                java.util.Map.of("g1", "line 3: broken DTSTART"));
        // a complete listing without g1, and a CRM edit of its partner: neither a delete nor an update
        Plan<String, String> p = Planner.plan(links, changes(List.of(item("c1", "2", "new", null, null)), Set.of(), false),
                new SideChanges<>(List.of(item("g2", "1", "h2", "c2", null)), Set.of(), true, new SyncToken("t"),
                        java.util.Map.of("g1", "line 3: broken DTSTART")), ConflictPolicy.CRM_WINS, MassDeleteGuard.DEFAULT);
        assertThat(only(p)).isEqualTo(Kind.LEFT_ALONE);
        assertThat(p.actions()).isEmpty();
        assertThat(p.leftAlone().get(0).reason()).contains("cannot be read", "broken DTSTART");
        assertThat(p.groupwareDeletesStopped()).isZero();
        assertThat(Planner.plan(List.of(link("1")), none(), unreadable, ConflictPolicy.CRM_WINS, MassDeleteGuard.DEFAULT)
                .steps()).extracting(Step::kind).containsExactly(Kind.LEFT_ALONE);
    }

    private static SideChanges<String> merged(List<SideItem<String>> changed, java.util.Map<String, String> merges) {
        return new SideChanges<>(changed, merges.keySet(), false, new SyncToken("t"), java.util.Map.of(),
                java.util.Map.of(), merges);
    }

    /**
     * A CRM item merged into an unlinked survivor: the groupware item follows the survivor (one step, no delete, no
     * creation for the survivor, not counted by the guard); a second item merged into the same survivor, and one
     * merged into a linked survivor, keep their groupware items unlinked.
     */
    @Test
    void aMergedItemsGroupwareItemFollowsAnUnlinkedSurvivorAndIsKeptOtherwise() {
        SideItem<String> survivor = item("c9", "3", "h9", null, null);
        Plan<String, String> p = Planner.plan(List.of(link("1")), merged(List.of(survivor), java.util.Map.of("c1", "c9")),
                none(), ConflictPolicy.CRM_WINS, new MassDeleteGuard(0.0, 0));
        assertThat(only(p)).isEqualTo(Kind.FOLLOW_SURVIVOR);
        assertThat(p.steps().get(0).crm()).contains(survivor);
        assertThat(p.steps().get(0).link().orElseThrow().groupwareId()).isEqualTo("g1");
        assertThat(p.crmDeletesStopped()).isZero();

        Plan<String, String> two = plan(List.of(link("1"), link("2")),
                merged(List.of(survivor), java.util.Map.of("c1", "c9", "c2", "c9")), none(), ConflictPolicy.CRM_WINS);
        assertThat(two.steps()).extracting(Step::kind).containsExactlyInAnyOrder(Kind.FOLLOW_SURVIVOR, Kind.CRM_ITEM_LEFT);

        Plan<String, String> linked = plan(List.of(link("1"), link("2")),
                merged(List.of(), java.util.Map.of("c1", "c2")), none(), ConflictPolicy.CRM_WINS);
        assertThat(only(linked)).isEqualTo(Kind.CRM_ITEM_LEFT);
        assertThat(linked.steps().get(0).reason()).contains("merged into CRM item c2", "groupware item of its own");

        // the groupware item gone as well: only the link goes, and the survivor is not created in the groupware
        assertThat(only(plan(List.of(link("1")), merged(List.of(survivor), java.util.Map.of("c1", "c9")),
                changes(List.of(), Set.of("g1"), false), ConflictPolicy.CRM_WINS))).isEqualTo(Kind.DROP_LINK);

        // a survivor this run cannot read: kept, never deleted
        assertThat(only(plan(List.of(link("1")), merged(List.of(), java.util.Map.of("c1", "c9")), none(),
                ConflictPolicy.CRM_WINS))).isEqualTo(Kind.CRM_ITEM_LEFT);
    }
}
