package io.liaison.activitysync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Link;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asserts that both sides hold the same items of the sync, each linked once, with equal subjects and the link back.
 * Out of the sync, and so not compared: groupware items an activity left behind when it left, unlinked groupware items
 * marked private (rule {@code skip}) and the activities such an item left behind (reduced, marked
 * {@link Marks#LEFT_PRIVATE}), and activities whose groupware entry was deleted on request.
 */
final class Convergence {
    private Convergence() {
    }

    static void assertConverged(ActivityFlow flow) {
        assertLeftForAReason(flow, ActivityArea.APPOINTMENTS, flow.gwEvents(), EventData::sensitivity);
        assertLeftForAReason(flow, ActivityArea.TASKS, flow.gwTasks(), TaskData::sensitivity);
        check(flow, SyncArea.APPOINTMENTS, inSync(flow, ActivityArea.APPOINTMENTS,
                flow.crmActivities(Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING))),
                inSync(flow, ActivityArea.APPOINTMENTS, flow.gwEvents(), EventData::sensitivity), e -> e.subject(),
                EventData::crmLink, EventData::sensitivity);
        check(flow, SyncArea.TASKS, inSync(flow, ActivityArea.TASKS,
                flow.crmActivities(Set.of(ActivityType.TASK, ActivityType.FOLLOW_UP))),
                inSync(flow, ActivityArea.TASKS, flow.gwTasks(), TaskData::sensitivity), TaskData::subject,
                TaskData::crmLink, TaskData::sensitivity);
    }

    /**
     * An item left behind is one whose activity really left: it has another type now, or is gone. A normal item left
     * behind by an activity of the area's types would be a pair the sync lost (a private item made normal again
     * must be linked to its activity again).
     */
    private static <T> void assertLeftForAReason(ActivityFlow flow, ActivityArea area, List<GroupwareItem<T>> items,
                                                  Function<T, Sensitivity> sensitivity) {
        Map<String, GroupwareItem<T>> byId = new HashMap<>();
        items.forEach(g -> byId.put(g.id(), g));
        Set<String> linked = new java.util.HashSet<>();
        flow.links(area.syncArea).forEach(l -> linked.add(l.groupwareId()));
        new Marks(flow.links, java.time.Clock.systemUTC()).leftPairs(flow.account.id(), area).forEach((crmId, gwId) -> {
            GroupwareItem<T> g = byId.get(gwId);
            if (g != null && !linked.contains(gwId) && !sensitivity.apply(g.data()).isPrivate()) {
                assertThat(flow.crmFind(crmId).filter(a -> area.types.contains(a.data().type())))
                        .as(area + ": activity " + crmId + " that left " + gwId + " behind").isEmpty();
            }
        });
    }

    /** The activities but those kept out of the sync by a mark, unless linked again. */
    private static List<Activity> inSync(ActivityFlow flow, ActivityArea area, List<Activity> activities) {
        Set<String> linked = new java.util.HashSet<>();
        flow.links(area.syncArea).forEach(l -> linked.add(l.crmId()));
        Map<String, String> marks = new Marks(flow.links, java.time.Clock.systemUTC()).all(flow.account.id());
        return activities.stream().filter(a -> linked.contains(a.id().value())
                || !Set.of(Marks.EXCLUDED, Marks.LEFT_PRIVATE).contains(marks.getOrDefault(a.id().value(), ""))).toList();
    }

    /**
     * The groupware items but those left behind by activities that left the sync and the private ones under the rule
     * {@code skip} (and neither linked again).
     */
    private static <T> List<GroupwareItem<T>> inSync(ActivityFlow flow, ActivityArea area, List<GroupwareItem<T>> items,
                                                     Function<T, Sensitivity> sensitivity) {
        Set<String> linked = new java.util.HashSet<>();
        flow.links(area.syncArea).forEach(l -> linked.add(l.groupwareId()));
        Set<String> behind = flow.leftBehind(area);
        boolean skips = flow.account.setting(PrivateItems.SETTING).orElse("skip").equals("skip");
        return items.stream().filter(g -> linked.contains(g.id())
                || !behind.contains(g.id()) && !(skips && sensitivity.apply(g.data()).isPrivate())).toList();
    }

    private static <T> void check(ActivityFlow flow, SyncArea area, List<Activity> crm, List<GroupwareItem<T>> groupware,
                                  Function<T, String> subject, Function<T, Optional<URI>> link,
                                  Function<T, Sensitivity> sensitivity) {
        List<Link> links = flow.links(area);
        Map<String, Activity> crmById = crm.stream().collect(Collectors.toMap(a -> a.id().value(), a -> a));
        Map<String, GroupwareItem<T>> gwById = new HashMap<>();
        groupware.forEach(g -> gwById.put(g.id(), g));
        assertThat(groupware).as(area + ": groupware items (no duplicates)").hasSize(crm.size());
        assertThat(links).as(area + ": links").hasSize(crm.size());
        assertThat(groupware.stream().map(GroupwareItem::crmId).flatMap(Optional::stream).distinct().count())
                .as(area + ": distinct CRM ids in the groupware").isEqualTo(crm.size());
        for (Link l : links) {
            Activity a = crmById.get(l.crmId());
            GroupwareItem<T> g = gwById.get(l.groupwareId());
            assertThat(a).as(area + ": CRM side of " + l).isNotNull();
            assertThat(g).as(area + ": groupware side of " + l).isNotNull();
            assertThat(g.crmId()).as("CRM id in " + g.id()).contains(l.crmId());
            assertThat(link.apply(g.data())).as("link back in " + g.id()).contains(URI.create("crm://activity/" + l.crmId()));
            if (!sensitivity.apply(g.data()).isPrivate()) {
                // a private item under the rule busy keeps its subject in the groupware, the CRM has the reduced one
                assertThat(subject.apply(g.data())).as("subject of " + l.crmId()).isEqualTo(a.data().subject());
            }
        }
    }
}
