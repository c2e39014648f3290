package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.ActivityQuery;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import io.liaison.api.domain.StatusKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Activities: every field round-trips, versions guard updates and deletes, creates are idempotent per key, search. */
public abstract class ActivityStoreContract extends ContractSupport {

    private ActivityData meeting() {
        BusinessPartner bp = newPartner();
        ContactPerson cp = newContact(CrmTestData.unique("cp") + "@customer.example");
        Instant start = CrmTestData.uniqueWindow();
        return ActivityData.builder(ActivityType.MEETING, me())
                .status(StatusKey.IMPORTED)
                .subject("Kick-off " + CrmTestData.unique("m"))
                .text("Agenda: 1. Offer 2. Ümlauts & <tags>")
                .html("<p>Agenda</p>")
                .start(start)
                .end(start.plus(Duration.ofMinutes(90)))
                .due(start.plus(Duration.ofDays(1)))
                .allDay(false)
                .timeZone("Europe/Berlin")
                .location("Room 4")
                .businessPartner(bp.id())
                .contactPerson(cp.id())
                .participants(List.of(
                        new Participant("boss@example.com", "The Boss", ParticipantRole.ORGANIZER, ParticipantResponse.ACCEPTED),
                        new Participant("guest@customer.example", "", ParticipantRole.OPTIONAL, ParticipantResponse.TENTATIVE)))
                .reminder(Duration.ofMinutes(15))
                .importance(Importance.HIGH)
                .completedAt(start.plus(Duration.ofHours(2)))
                .categories(List.of("Customer", "Important"))
                .mail(new MailDetails(CrmTestData.unique("id") + "@mail.example", Optional.of("parent@mail.example"),
                        List.of("root@mail.example", "parent@mail.example"), "from@customer.example", "Fred From",
                        List.of("to1@example.com", "to2@example.com"), List.of("cc@example.com"),
                        Optional.of(start.minusSeconds(60)), Optional.of(start)))
                .build();
    }

    @Test
    void everyFieldSurvivesCreateAndGet() {
        ActivityData data = meeting();
        Activity created = crm().activities().create(me(), data, Optional.empty());
        assertThat(created.data()).isEqualTo(data);
        assertThat(created.sourceKey()).isEmpty();
        assertThat(created.modifiedAt()).isAfterOrEqualTo(created.createdAt());
        assertThat(crm().activities().get(me(), created.id())).contains(created);
    }

    @Test
    void emptyOptionalFieldsStayEmpty() {
        ActivityData data = CrmTestData.task(me(), CrmTestData.unique("bare")).build();
        Activity created = crm().activities().create(me(), data, Optional.empty());
        assertThat(created.data()).isEqualTo(data);
        assertThat(crm().activities().get(me(), created.id()).orElseThrow().data()).isEqualTo(data);
    }

    @Test
    void aCreateWithAKeyRecordsItAndIsFoundByIt() {
        String key = CrmTestData.unique("key") + "@mail.example";
        Activity created = crm().activities().create(me(), CrmTestData.mail(me(), "keyed", CrmTestData.uniqueWindow()).build(),
                Optional.of(key));
        assertThat(created.sourceKey()).contains(key);
        assertThat(crm().activities().findBySourceKey(me(), key)).contains(created);
        assertThat(crm().activities().findBySourceKey(me(), CrmTestData.unique("other"))).isEmpty();
    }

    @Test
    void aRepeatedCreateWithTheSameKeyReturnsTheFirstActivityUnchanged() {
        String key = CrmTestData.unique("key");
        Instant t = CrmTestData.uniqueWindow();
        Activity first = crm().activities().create(me(), CrmTestData.mail(me(), "first", t).build(), Optional.of(key));
        Activity again = crm().activities().create(me(), CrmTestData.mail(me(), "second", t).build(), Optional.of(key));
        assertThat(again).isEqualTo(first);
        assertThat(crm().activities().get(me(), first.id()).orElseThrow().data().subject()).isEqualTo("first");
        List<Activity> inWindow = crm().activities().search(me(), window(t));
        assertThat(inWindow).extracting(Activity::id).containsExactly(first.id());
    }

    @Test
    void createsWithoutAKeyOrWithOtherKeysMakeNewActivities() {
        Instant t = CrmTestData.uniqueWindow();
        ActivityData data = CrmTestData.mail(me(), "same", t).build();
        Activity a = crm().activities().create(me(), data, Optional.empty());
        Activity b = crm().activities().create(me(), data, Optional.empty());
        Activity c = crm().activities().create(me(), data, Optional.of(CrmTestData.unique("k1")));
        Activity d = crm().activities().create(me(), data, Optional.of(CrmTestData.unique("k2")));
        assertThat(List.of(a.id(), b.id(), c.id(), d.id())).doesNotHaveDuplicates();
        assertThat(crm().activities().search(me(), window(t))).hasSize(4);
    }

    @Test
    void unknownActivitiesAreAbsent() {
        assertThat(crm().activities().get(me(), ActivityId.of(CrmTestData.unique("no-such")))).isEmpty();
        assertThat(crm().activities().get(me(), ActivityId.of("999999999999"))).isEmpty();
    }

    @Test
    void anUpdateReplacesTheContentAndRaisesTheVersion() {
        Activity created = crm().activities().create(me(), meeting(), Optional.of(CrmTestData.unique("k")));
        ActivityData changed = created.data().toBuilder()
                .subject("Moved")
                .status(StatusKey.DONE)
                .start(created.data().start().orElseThrow().plus(Duration.ofHours(1)))
                .participants(List.of())
                .categories(List.of("Other"))
                .mail(null)
                .businessPartner(null)
                .reminder(null)
                .importance(Importance.LOW)
                .build();
        Activity updated = crm().activities().update(me(), created.id(), created.version(), changed);
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.version()).isGreaterThan(created.version());
        assertThat(updated.data()).isEqualTo(changed);
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.modifiedAt()).isAfterOrEqualTo(created.modifiedAt());
        assertThat(updated.sourceKey()).isEqualTo(created.sourceKey());
        assertThat(crm().activities().get(me(), created.id())).contains(updated);

        Activity again = crm().activities().update(me(), created.id(), updated.version(), created.data());
        assertThat(again.version()).isGreaterThan(updated.version());
        assertThat(again.data()).isEqualTo(created.data());
    }

    @Test
    void aPrivateMarkSetOnCreateOrOnUpdateIsReadBack() {
        ActivityData marked = meeting().toBuilder().privateActivity(true).build();
        Activity created = crm().activities().create(me(), marked, Optional.empty());
        assertThat(created.data().privateActivity()).isTrue();
        assertThat(crm().activities().get(me(), created.id()).orElseThrow().data()).isEqualTo(marked);

        Activity cleared = crm().activities().update(me(), created.id(), created.version(),
                marked.toBuilder().privateActivity(false).build());
        assertThat(crm().activities().get(me(), created.id()).orElseThrow().data().privateActivity()).isFalse();

        ActivityData markedLater = cleared.data().toBuilder().privateActivity(true).build();
        Activity updated = crm().activities().update(me(), created.id(), cleared.version(), markedLater);
        assertThat(updated.version()).isGreaterThan(cleared.version());
        assertThat(updated.data()).isEqualTo(markedLater);
        assertThat(crm().activities().get(me(), created.id())).contains(updated);
    }

    @Test
    void anUpdateWithAStaleVersionFailsAndChangesNothing() {
        Activity created = crm().activities().create(me(), meeting(), Optional.empty());
        Activity updated = crm().activities().update(me(), created.id(), created.version(),
                created.data().toBuilder().subject("mine").build());
        assertThatThrownBy(() -> crm().activities().update(me(), created.id(), created.version(),
                created.data().toBuilder().subject("theirs").build()))
                .isInstanceOf(CrmStaleVersionException.class);
        assertThat(crm().activities().get(me(), created.id())).contains(updated);
    }

    @Test
    void updatingOrDeletingAMissingActivityFailsWithNotFound() {
        ActivityData data = CrmTestData.task(me(), "x").build();
        ActivityId missing = ActivityId.of(CrmTestData.unique("missing"));
        assertThatThrownBy(() -> crm().activities().update(me(), missing, 1, data)).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm().activities().delete(me(), missing, 1)).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void deleteRemovesTheActivityOnlyAtTheExpectedVersion() {
        String key = CrmTestData.unique("key");
        Activity created = crm().activities().create(me(), meeting(), Optional.of(key));
        Activity updated = crm().activities().update(me(), created.id(), created.version(),
                created.data().toBuilder().subject("changed").build());
        assertThatThrownBy(() -> crm().activities().delete(me(), created.id(), created.version()))
                .isInstanceOf(CrmStaleVersionException.class);
        assertThat(crm().activities().get(me(), created.id())).contains(updated);

        crm().activities().delete(me(), created.id(), updated.version());
        assertThat(crm().activities().get(me(), created.id())).isEmpty();
        assertThat(crm().activities().findBySourceKey(me(), key)).isEmpty();
        assertThatThrownBy(() -> crm().activities().delete(me(), created.id(), updated.version()))
                .isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm().activities().update(me(), created.id(), updated.version(), updated.data()))
                .isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void anUnknownStatusKeyIsRejected() {
        Instant t = CrmTestData.uniqueWindow();
        ActivityData data = CrmTestData.mail(me(), "bad status", t).status(new StatusKey(CrmTestData.unique("Z"))).build();
        assertThatThrownBy(() -> crm().activities().create(me(), data, Optional.empty())).isInstanceOf(CrmException.class);
        assertThat(crm().activities().search(me(), window(t))).isEmpty();
    }

    @Test
    void everyActivityTypeOfTheCatalogCanBeStored() {
        for (CrmCatalog.ActivityTypeDefinition type : crm().catalog().activityTypes()) {
            ActivityData data = ActivityData.builder(type.type(), me()).subject(type.label()).build();
            Activity created = crm().activities().create(me(), data, Optional.empty());
            assertThat(crm().activities().get(me(), created.id()).orElseThrow().data().type()).isEqualTo(type.type());
        }
    }

    @Test
    void searchMatchesEveryCriterionGivenNewestFirst() {
        Instant t = CrmTestData.uniqueWindow();
        Activity mail1 = crm().activities().create(me(), CrmTestData.mail(me(), "m1", t.plusSeconds(60)).build(), Optional.empty());
        Activity mail2 = crm().activities().create(me(), CrmTestData.mail(me(), "m2", t.plusSeconds(120))
                .status(StatusKey.DONE).build(), Optional.empty());
        Activity task = crm().activities().create(me(), CrmTestData.task(me(), "t").start(t.plusSeconds(180)).build(),
                Optional.empty());
        Activity late = crm().activities().create(me(), CrmTestData.mail(me(), "late", t.plusSeconds(1800)).build(),
                Optional.empty());

        assertThat(crm().activities().search(me(), window(t))).extracting(Activity::id)
                .containsExactly(late.id(), task.id(), mail2.id(), mail1.id());
        assertThat(crm().activities().search(me(), query(Optional.of(ActivityType.MAIL_IN), Optional.empty(), t,
                t.plus(Duration.ofHours(1)), 100))).extracting(Activity::id).containsExactly(late.id(), mail2.id(), mail1.id());
        assertThat(crm().activities().search(me(), query(Optional.of(ActivityType.MAIL_IN), Optional.of(StatusKey.DONE), t,
                t.plus(Duration.ofHours(1)), 100))).extracting(Activity::id).containsExactly(mail2.id());
        // from is inclusive, to exclusive
        assertThat(crm().activities().search(me(), query(Optional.empty(), Optional.empty(), t.plusSeconds(120),
                t.plusSeconds(180), 100))).extracting(Activity::id).containsExactly(mail2.id());
        assertThat(crm().activities().search(me(), query(Optional.empty(), Optional.empty(), t, t.plus(Duration.ofHours(1)), 2)))
                .extracting(Activity::id).containsExactly(late.id(), task.id());
    }

    @Test
    void searchByIdsFindsExactlyThose() {
        Activity a = crm().activities().create(me(), CrmTestData.task(me(), "a").build(), Optional.empty());
        Activity b = crm().activities().create(me(), CrmTestData.task(me(), "b").build(), Optional.empty());
        crm().activities().create(me(), CrmTestData.task(me(), "c").build(), Optional.empty());
        assertThat(crm().activities().search(me(), ActivityQuery.byIds(List.of(a.id(), b.id()))))
                .extracting(Activity::id).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(crm().activities().search(me(), ActivityQuery.byIds(List.of(a.id(), ActivityId.of(CrmTestData.unique("x"))))))
                .extracting(Activity::id).containsExactly(a.id());
        assertThat(crm().activities().search(me(), new ActivityQuery(Optional.of(ActivityType.MEETING), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(a.id(), b.id()), 10))).isEmpty();
    }

    @Test
    void theSameKeyMakesOneActivityPerOwner() {
        var other = someoneElse();
        String key = CrmTestData.unique("shared") + "@mail.example";
        Instant t = CrmTestData.uniqueWindow();
        Activity mine = crm().activities().create(me(), CrmTestData.mail(me(), "to both", t).build(), Optional.of(key));
        Activity theirs = crm().activities().create(other, CrmTestData.mail(other, "to both", t).build(), Optional.of(key));
        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(theirs.data().owner()).isEqualTo(other);
        assertThat(crm().activities().findBySourceKey(me(), key)).contains(mine);
        assertThat(crm().activities().findBySourceKey(other, key)).contains(theirs);
        assertThat(crm().activities().create(other, CrmTestData.mail(other, "again", t).build(), Optional.of(key)))
                .isEqualTo(theirs);
    }

    static ActivityQuery window(Instant start) {
        return query(Optional.empty(), Optional.empty(), start, start.plus(Duration.ofHours(1)), 1000);
    }

    /**
     * The importer's fingerprint of a mail ({@link MailDetails#fingerprint}) is kept as written, through an update
     * too, or not at all: the import then compares a mail with a reused Message-ID by sender and date only. Either
     * way a create returns what a later read returns.
     */
    @Test
    void aMailsFingerprintIsKeptAsWrittenOrNotAtAll() {
        String fingerprint = "content-sha256:" + "0123456789abcdef".repeat(4);
        ActivityData.Builder builder = CrmTestData.mail(me(), "fingerprinted", CrmTestData.uniqueWindow());
        ActivityData data = builder.mail(builder.build().mail().orElseThrow().withFingerprint(fingerprint)).build();

        Activity created = crm().activities().create(me(), data, Optional.empty());

        Optional<String> kept = created.data().mail().orElseThrow().fingerprint();
        assertThat(kept).isIn(Optional.of(fingerprint), Optional.empty());
        Activity read = crm().activities().get(me(), created.id()).orElseThrow();
        assertThat(read.data().mail().orElseThrow().fingerprint()).isEqualTo(kept);
        Activity updated = crm().activities().update(me(), read.id(), read.version(),
                read.data().toBuilder().subject("fingerprinted, edited").build());
        assertThat(updated.data().mail().orElseThrow().fingerprint()).isEqualTo(kept);
    }

    static ActivityQuery query(Optional<ActivityType> type, Optional<StatusKey> status, Instant from, Instant to, int limit) {
        return new ActivityQuery(type, status, Optional.of(from), Optional.of(to), List.of(), limit);
    }
}
