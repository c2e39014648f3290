package io.liaison.activitysync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
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

/** Asserts that both sides hold the same items, each linked once, with equal subjects and the link back. */
final class Convergence {
    private Convergence() {
    }

    static void assertConverged(ActivityFlow flow) {
        check(flow, SyncArea.APPOINTMENTS, flow.crmActivities(Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING)),
                inSync(flow, ActivityArea.APPOINTMENTS, flow.gwEvents()), e -> e.subject(), EventData::crmLink);
        check(flow, SyncArea.TASKS, flow.crmActivities(Set.of(ActivityType.TASK, ActivityType.FOLLOW_UP)),
                inSync(flow, ActivityArea.TASKS, flow.gwTasks()), TaskData::subject, TaskData::crmLink);
    }

    /** The groupware items but those left behind by activities that left the sync (and not linked again). */
    private static <T> List<GroupwareItem<T>> inSync(ActivityFlow flow, ActivityArea area, List<GroupwareItem<T>> items) {
        Set<String> linked = new java.util.HashSet<>();
        flow.links(area.syncArea).forEach(l -> linked.add(l.groupwareId()));
        Set<String> behind = flow.leftBehind(area);
        return items.stream().filter(g -> linked.contains(g.id()) || !behind.contains(g.id())).toList();
    }

    private static <T> void check(ActivityFlow flow, SyncArea area, List<Activity> crm, List<GroupwareItem<T>> groupware,
                                  Function<T, String> subject, Function<T, Optional<URI>> link) {
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
            assertThat(subject.apply(g.data())).as("subject of " + l.crmId()).isEqualTo(a.data().subject());
        }
    }
}
