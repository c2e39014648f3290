package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.ActivityRelation;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.MailDetails;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Relations between activities ({@link io.liaison.api.crm.ActivityStore#relatesActivities}): a reply related to the
 * mail it answers, recorded once, found from both sides, gone with either activity; the replies to a Message-ID found
 * by their {@code In-Reply-To}, the bounces of one by the Message-ID they return. A CRM that records no relations says
 * so and offers none.
 */
public abstract class RelationContract extends ContractSupport {

    private void assumeRelations() {
        Assumptions.assumeTrue(crm().activities().relatesActivities(), "this CRM records no relations");
    }

    /** An imported mail with this Message-ID, answering {@code inReplyTo} when given. */
    private Activity mail(String messageId, Optional<String> inReplyTo, Instant received) {
        ActivityData.Builder builder = CrmTestData.mail(me(), "re " + messageId, received);
        MailDetails m = builder.build().mail().orElseThrow();
        ActivityData data = builder.mail(new MailDetails(messageId, inReplyTo, inReplyTo.map(List::of).orElse(List.of()),
                m.from(), m.fromName(), m.to(), m.cc(), m.sentAt(), m.receivedAt())).build();
        return crm().activities().create(me(), data, Optional.of(messageId));
    }

    /** An imported bounce with this Message-ID, returning the mail {@code returnedMessageId}. */
    private Activity bounce(String messageId, String returnedMessageId, Instant received) {
        ActivityData.Builder builder = CrmTestData.mail(me(), "bounce " + messageId, received);
        MailDetails m = builder.build().mail().orElseThrow();
        ActivityData data = builder.mail(new MailDetails(messageId, Optional.empty(), List.of(), m.from(), m.fromName(),
                m.to(), m.cc(), m.sentAt(), m.receivedAt(), Optional.of(returnedMessageId))).build();
        return crm().activities().create(me(), data, Optional.of(messageId));
    }

    /**
     * Runs on either kind of CRM, so that the contract never passes by skipping: a CRM that records no relations
     * refuses to relate and finds no relation and no bounce; one that records them finds both (the cases below go on
     * from there).
     */
    @Test
    void theCallsFollowTheKindTheCrmSaysItIs() {
        Instant t = CrmTestData.uniqueWindow();
        Activity first = mail(CrmTestData.unique("m") + "@mail.example", Optional.empty(), t);
        String firstId = first.data().mail().orElseThrow().messageId();
        Activity reply = mail(CrmTestData.unique("m") + "@mail.example", Optional.of(firstId), t.plusSeconds(60));
        Activity returned = bounce(CrmTestData.unique("b") + "@mx.example", firstId, t);
        ActivityRelation relation = new ActivityRelation(reply.id(), first.id(), ActivityRelation.Kind.REPLY_TO);
        if (crm().activities().relatesActivities()) {
            crm().activities().relate(me(), relation);
            assertThat(crm().activities().relations(me(), reply.id())).containsExactly(relation);
            assertThat(crm().activities().findReturns(me(), firstId, 10)).extracting(Activity::id)
                    .containsExactly(returned.id());
        } else {
            assertThatThrownBy(() -> crm().activities().relate(me(), relation))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(crm().activities().relations(me(), reply.id())).isEmpty();
            assertThat(crm().activities().findReturns(me(), firstId, 10)).isEmpty();
        }
    }

    @Test
    void aReplyIsRelatedOnceAndFoundFromBothSides() {
        assumeRelations();
        Instant t = CrmTestData.uniqueWindow();
        Activity first = mail(CrmTestData.unique("m") + "@mail.example", Optional.empty(), t);
        Activity reply = mail(CrmTestData.unique("m") + "@mail.example", Optional.of(first.data().mail().orElseThrow()
                .messageId()), t.plusSeconds(60));
        ActivityRelation relation = new ActivityRelation(reply.id(), first.id(), ActivityRelation.Kind.REPLY_TO);

        crm().activities().relate(me(), relation);
        crm().activities().relate(me(), relation); // a repeat changes nothing

        assertThat(crm().activities().relations(me(), reply.id())).containsExactly(relation);
        assertThat(crm().activities().relations(me(), first.id())).containsExactly(relation);
        assertThat(crm().activities().get(me(), first.id()).orElseThrow().version()).isEqualTo(first.version());
    }

    /**
     * Every kind is kept as it is, also two kinds between the same two activities (a bounce that is also a reply); a
     * CRM storing kinds by name must make room for the longest (kinds are added in minor versions).
     */
    @Test
    void everyKindIsRecordedAsItIs() {
        assumeRelations();
        Instant t = CrmTestData.uniqueWindow();
        Activity sent = mail(CrmTestData.unique("m") + "@mail.example", Optional.empty(), t);
        Activity bounce = mail(CrmTestData.unique("m") + "@mail.example", Optional.of(sent.data().mail().orElseThrow()
                .messageId()), t.plusSeconds(60));
        List<ActivityRelation> all = java.util.Arrays.stream(ActivityRelation.Kind.values())
                .map(kind -> new ActivityRelation(bounce.id(), sent.id(), kind)).toList();

        all.forEach(relation -> crm().activities().relate(me(), relation));

        assertThat(crm().activities().relations(me(), bounce.id())).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void theRepliesToAMailAreFoundByTheirInReplyToOldestFirst() {
        assumeRelations();
        Instant t = CrmTestData.uniqueWindow();
        String parent = CrmTestData.unique("parent") + "@mail.example";
        Activity one = mail(CrmTestData.unique("m") + "@mail.example", Optional.of(parent), t);
        Activity two = mail(CrmTestData.unique("m") + "@mail.example", Optional.of(parent), t.plusSeconds(60));
        mail(CrmTestData.unique("m") + "@mail.example", Optional.of(CrmTestData.unique("other") + "@mail.example"), t);

        assertThat(crm().activities().findReplies(me(), parent, 10)).extracting(Activity::id)
                .containsExactly(one.id(), two.id());
        assertThat(crm().activities().findReplies(me(), parent, 1)).extracting(Activity::id).containsExactly(one.id());
        assertThat(crm().activities().findReplies(me(), CrmTestData.unique("none") + "@mail.example", 10)).isEmpty();
    }

    /**
     * A bounce keeps the Message-ID of the mail it returns as it was given, and is found by it, so that a mail imported
     * after its bounces is related to them.
     */
    @Test
    void theBouncesOfAMailAreFoundByTheMessageIdTheyReturnOldestFirst() {
        assumeRelations();
        Instant t = CrmTestData.uniqueWindow();
        String returned = CrmTestData.unique("sent") + "@mail.example";
        Activity one = bounce(CrmTestData.unique("b") + "@mx.example", returned, t);
        Activity two = bounce(CrmTestData.unique("b") + "@mx.example", returned, t.plusSeconds(60));
        bounce(CrmTestData.unique("b") + "@mx.example", CrmTestData.unique("other") + "@mail.example", t);
        mail(CrmTestData.unique("m") + "@mail.example", Optional.of(returned), t); // a reply, not a bounce

        assertThat(crm().activities().get(me(), one.id()).orElseThrow().data().mail().orElseThrow()
                .returnedMessageId()).contains(returned);
        assertThat(crm().activities().findReturns(me(), returned, 10)).extracting(Activity::id)
                .containsExactly(one.id(), two.id());
        assertThat(crm().activities().findReturns(me(), returned, 1)).extracting(Activity::id)
                .containsExactly(one.id());
        assertThat(crm().activities().findReturns(me(), CrmTestData.unique("none") + "@mail.example", 10)).isEmpty();
    }

    @Test
    void aRelationGoesWithEitherActivity() {
        assumeRelations();
        Instant t = CrmTestData.uniqueWindow();
        Activity first = mail(CrmTestData.unique("m") + "@mail.example", Optional.empty(), t);
        Activity reply = mail(CrmTestData.unique("m") + "@mail.example", Optional.empty(), t.plusSeconds(60));
        crm().activities().relate(me(), new ActivityRelation(reply.id(), first.id(), ActivityRelation.Kind.REPLY_TO));

        crm().activities().delete(me(), first.id(), first.version());

        assertThat(crm().activities().relations(me(), reply.id())).isEmpty();
    }

    @Test
    void relatingAnActivityThatDoesNotExistIsRefused() {
        assumeRelations();
        Activity first = mail(CrmTestData.unique("m") + "@mail.example", Optional.empty(), CrmTestData.uniqueWindow());
        assertThatThrownBy(() -> crm().activities().relate(me(), new ActivityRelation(first.id(),
                ActivityId.of("999999999"), ActivityRelation.Kind.REPLY_TO))).isInstanceOf(CrmNotFoundException.class);
    }
}
