package io.liaison.crm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.ActivityQuery;
import io.liaison.api.crm.CrmEvents;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.crm.tck.CrmTestData;
import io.liaison.crm.tck.HostCrmContractTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract suite on the embedded CRM, plus what only the embedded CRM promises: creates that race on one key
 * still make one item, and changes are announced after they commit. Subclasses supply the database.
 */
abstract class EmbeddedCrmContractTest extends HostCrmContractTest {
    static final EmployeeId DEMO = EmployeeId.of("demo");
    static final EmployeeId OTHER = EmployeeId.of("other");

    /** The CRM on a fresh database, with a second employee, announcing to {@code listener}. */
    static JdbcHostCrm open(javax.sql.DataSource dataSource, RecordingListener listener) {
        JdbcHostCrm crm = new JdbcHostCrm(dataSource, listener);
        crm.saveEmployee(new Employee(OTHER, "other", "Other User", "other@example.com"));
        listener.checkVisibilityWith(change -> {
            boolean exists = change.topic().equals(CrmEvents.TOPIC_ACTIVITY_CHANGED)
                    ? crm.activities().get(DEMO, ActivityId.of(change.id())).isPresent()
                    : crm.contactPersons().get(DEMO, ContactPersonId.of(change.id())).isPresent();
            return exists == (change.change() != ChangeKind.DELETED);
        });
        return crm;
    }

    abstract RecordingListener listener();

    @Override
    public EmployeeId employee() {
        return DEMO;
    }

    @Override
    public Optional<EmployeeId> otherEmployee() {
        return Optional.of(OTHER);
    }

    @Override
    public long largeDocumentBytes() {
        return 50L * 1024 * 1024;
    }

    @Test
    void concurrentCreatesWithOneKeyMakeOneActivity() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String key = CrmTestData.unique("race") + "@mail.example";
                Instant t = CrmTestData.uniqueWindow();
                List<Activity> results = race(pool, 8, () -> crm().activities().create(DEMO,
                        CrmTestData.mail(DEMO, "raced", t).build(), Optional.of(key)));
                assertThat(results.stream().map(Activity::id).collect(Collectors.toSet())).hasSize(1);
                assertThat(crm().activities().search(DEMO, new ActivityQuery(Optional.empty(), Optional.empty(),
                        Optional.of(t), Optional.of(t.plus(Duration.ofHours(1))), List.of(), 100))).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesWithOneExternalKeyMakeOneContact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String key = CrmTestData.unique("csv");
                List<ContactPerson> results = race(pool, 8, () -> crm().contactPersons().create(DEMO,
                        new ContactPersonData(Optional.empty(), "", "", "Race", "Condition", "", "", List.of()), Optional.of(key)));
                assertThat(results.stream().map(ContactPerson::id).collect(Collectors.toSet())).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritesNumberTheChangeFeedWithoutGaps() throws Exception {
        var token = CrmTestData.drain(t -> crm().activities().changesSince(DEMO, t, 500), Activity::id, Optional.empty()).next();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Activity> created = race(pool, 40, () -> crm().activities().create(DEMO,
                    CrmTestData.task(DEMO, "parallel").build(), Optional.empty()));
            var feed = CrmTestData.drain(t -> crm().activities().changesSince(DEMO, t, 7), Activity::id, Optional.of(token));
            assertThat(feed.last().keySet()).containsAll(created.stream().map(Activity::id).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> race(ExecutorService pool, int n, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void changesAreAnnouncedOnceCommittedAndFailedWritesAreNot() {
        Activity a = crm().activities().create(DEMO, CrmTestData.task(DEMO, "announced").build(), Optional.empty());
        Activity b = crm().activities().update(DEMO, a.id(), a.version(), a.data().toBuilder().subject("again").build());
        assertThatThrownBy(() -> crm().activities().update(DEMO, a.id(), a.version(), a.data()))
                .isInstanceOf(CrmStaleVersionException.class);
        crm().activities().delete(DEMO, b.id(), b.version());

        var seen = listener().about(CrmEvents.TOPIC_ACTIVITY_CHANGED, a.id().value());
        assertThat(seen).extracting(s -> s.change().change())
                .containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED, ChangeKind.DELETED);
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.committed()).as("visible to others when announced").isTrue();
            assertThat(s.change().topic()).isEqualTo(CrmEvents.TOPIC_ACTIVITY_CHANGED);
            assertThat(s.change().employee()).isEqualTo(DEMO.value());
        });

        ContactPerson c = crm().contactPersons().create(DEMO,
                new ContactPersonData(Optional.empty(), "", "", "Ann", "Ounced", "", "", List.of()), Optional.empty());
        assertThat(listener().about(CrmEvents.TOPIC_CONTACT_CHANGED, c.id().value())).singleElement().satisfies(s -> {
            assertThat(s.change().topic()).isEqualTo(CrmEvents.TOPIC_CONTACT_CHANGED);
            assertThat(s.change().change()).isEqualTo(ChangeKind.CREATED);
            assertThat(s.committed()).isTrue();
        });
    }

    @Test
    void anIdempotentRepeatAnnouncesNothing() {
        String key = CrmTestData.unique("once");
        Activity a = crm().activities().create(DEMO, CrmTestData.task(DEMO, "once").build(), Optional.of(key));
        crm().activities().create(DEMO, CrmTestData.task(DEMO, "once").build(), Optional.of(key));
        assertThat(listener().about(CrmEvents.TOPIC_ACTIVITY_CHANGED, a.id().value())).hasSize(1);
    }

    @Test
    void theSeededEmployeeAndCatalogAreThere() {
        assertThat(crm().employees().findByLogin("DEMO")).map(Employee::displayName).contains("Demo User");
        assertThat(crm().catalog().activityTypes()).extracting(d -> d.type().key())
                .containsAll(Set.of("APPOINTMENT", "MEETING", "FOLLOW_UP", "TASK", "MAILIN", "CALL", "VISIT"));
        assertThat(crm().catalog().statusKeys()).extracting(d -> d.key().key()).containsAll(Set.of("I", "E", "O"));
    }
}
