package io.liaison.crm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.crm.CrmEvents;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.StatusKey;
import io.liaison.crm.tck.CrmTestData;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The OSGi component: configuration of the catalog, and Event Admin events for committed changes. */
class EmbeddedHostCrmTest {
    private static final EmployeeId DEMO = EmployeeId.of("demo");

    static EmbeddedCrmConfig config(String[] statusKeys, String[] activityTypes) {
        return new EmbeddedCrmConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EmbeddedCrmConfig.class;
            }

            @Override
            public String dataSource_target() {
                return "(dataSourceName=liaison-crm)";
            }

            @Override
            public String[] statusKeys() {
                return statusKeys;
            }

            @Override
            public String[] activityTypes() {
                return activityTypes;
            }
        };
    }

    /** Event Admin as far as the component uses it: posted events are kept. */
    static final class RecordingEventAdmin implements EventAdmin {
        final List<Event> posted = new CopyOnWriteArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("the CRM must post, not send: it must not wait for handlers");
        }
    }

    @Test
    void theConfiguredCatalogEntriesAreStoredAndMalformedOnesLeftOut() {
        EmbeddedHostCrm crm = new EmbeddedHostCrm(Databases.h2(), config(
                new String[] {"I=Importiert", "E = Erledigt", "X=Extra", "broken", "=NoKey", "Y[=Bad key"},
                new String[] {"PHONE=Telefonat"}));
        assertThat(crm.catalog().statusKeys()).extracting(d -> d.key().key() + "=" + d.label())
                .containsExactly("I=Importiert", "O=Open", "E=Erledigt", "X=Extra");
        assertThat(crm.catalog().activityTypes()).contains(
                new CrmCatalog.ActivityTypeDefinition(new ActivityType("PHONE"), "Telefonat"),
                new CrmCatalog.ActivityTypeDefinition(ActivityType.MAIL_IN, "Incoming mail"));
        assertThat(crm.catalog().isKnown(new StatusKey("X"))).isTrue();
    }

    @Test
    void aStatusKeyAddedToTheConfigurationIsDefinedWithoutARestart() {
        EmbeddedHostCrm crm = new EmbeddedHostCrm(Databases.h2(), config(new String[] {"X=Extra"}, new String[0]));

        crm.modified(config(new String[] {"C=Abgesagt"}, new String[] {"VISIT=Besuch"}));

        assertThat(crm.catalog().isKnown(new StatusKey("C"))).isTrue();
        assertThat(crm.catalog().isKnown(new StatusKey("X"))).as("never removed: activities may carry it").isTrue();
        assertThat(crm.catalog().activityTypes())
                .contains(new CrmCatalog.ActivityTypeDefinition(new ActivityType("VISIT"), "Besuch"));
    }

    @Test
    void committedChangesArePostedToEventAdminWhileOneIsBound() {
        EmbeddedHostCrm crm = new EmbeddedHostCrm(Databases.h2(), config(new String[0], new String[0]));
        Activity before = crm.activities().create(DEMO, CrmTestData.task(DEMO, "unheard").build(), Optional.empty());

        RecordingEventAdmin events = new RecordingEventAdmin();
        crm.bindEventAdmin(events);
        Activity a = crm.activities().create(DEMO, CrmTestData.task(DEMO, "heard").build(), Optional.empty());
        assertThat(events.posted).singleElement().satisfies(e -> {
            assertThat(e.getTopic()).isEqualTo(CrmEvents.TOPIC_ACTIVITY_CHANGED);
            assertThat(e.getProperty(CrmEvents.PROPERTY_ID)).isEqualTo(a.id().value());
            assertThat(e.getProperty(CrmEvents.PROPERTY_EMPLOYEE)).isEqualTo("demo");
            assertThat(e.getProperty(CrmEvents.PROPERTY_CHANGE)).isEqualTo("CREATED");
        });
        assertThat(events.posted).noneMatch(e -> before.id().value().equals(e.getProperty(CrmEvents.PROPERTY_ID)));

        crm.unbindEventAdmin(events);
        crm.activities().delete(DEMO, a.id(), a.version());
        assertThat(events.posted).hasSize(1);
    }
}
