package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import io.liaison.api.connector.Secret;
import io.liaison.api.connector.SignInFailedException;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.connector.tck.GeneratedMessage;
import io.liaison.graph.emulator.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sign-in, throttling, expired tokens and concurrency against the Graph emulator's fault switches. */
class GraphFaultsTest {

    static GraphTestAccounts accounts;
    String upn;
    private final List<ConnectorSession> sessions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        accounts = new GraphTestAccounts();
    }

    @AfterAll
    static void stop() {
        accounts.close();
    }

    @BeforeEach
    void mailbox() {
        upn = accounts.newMailbox();
        accounts.emulator.faults().clear();
        accounts.emulator.stats().reset();
    }

    @AfterEach
    void closeSessions() {
        accounts.emulator.faults().clear();
        sessions.forEach(ConnectorSession::close);
    }

    private ConnectorSession open() {
        ConnectorSession s = accounts.open(upn);
        sessions.add(s);
        return s;
    }

    // ---- sign-in ----

    @Test
    void aRefusedSignInFailsAfterExactlyOneTokenRequest() {
        accounts.emulator.faults().rejectSignIns(1);

        assertThatThrownBy(this::open).isInstanceOf(SignInFailedException.class).hasMessageContaining("acc-graph")
                .hasMessageContaining("invalid_client");

        assertThat(accounts.emulator.stats().tokenRequests()).isEqualTo(1);
    }

    /**
     * An unknown resource or scope, or an access policy that blocks the app (Conditional Access), are configuration
     * faults an administrator must fix ("Microsoft Entra authentication and authorization error codes"): the sign-in
     * counts as refused (the account is blocked with that reason), after exactly one token request.
     */
    @ParameterizedTest
    @EnumSource(value = Faults.SignInRefusal.class, names = {"INVALID_SCOPE", "INVALID_RESOURCE", "ACCESS_DENIED"})
    void aConfigurationFaultOfTheSignInIsARefusalThatNamesIt(Faults.SignInRefusal refusal) {
        int before = accounts.emulator.stats().tokenRequests();
        accounts.emulator.faults().refuseSignIns(1, refusal);

        assertThatThrownBy(this::open).isInstanceOf(SignInFailedException.class).hasMessageContaining("acc-graph")
                .hasMessageContaining(refusal.name().toLowerCase(java.util.Locale.ROOT))
                .hasMessageContaining("administrator");

        assertThat(accounts.emulator.stats().tokenRequests() - before).isEqualTo(1);
    }

    @Test
    void aWrongSecretFailsAfterExactlyOneTokenRequestAndNeverLeaksTheSecret() {
        Credentials wrong = new Credentials(GraphTestAccounts.CLIENT_ID, Secret.of("not-the-secret"), Map.of());

        assertThatThrownBy(() -> EmulatorAccounts.factory().open(GraphTestAccounts.account(accounts.settings(upn),
                wrong, c -> { }))).isInstanceOf(SignInFailedException.class).message().doesNotContain("not-the-secret");

        assertThat(accounts.emulator.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void anUnreachableIdentityPlatformIsNoRefusal() {
        Map<String, String> settings = new HashMap<>(accounts.settings(upn));
        settings.put(GraphSettings.AUTHORITY_HOST, "https://127.0.0.1:9/");

        assertThatThrownBy(() -> EmulatorAccounts.factory().open(GraphTestAccounts.account(settings,
                new Credentials(GraphTestAccounts.CLIENT_ID, Secret.of(GraphTestAccounts.SECRET), Map.of()), c -> { })))
                .isInstanceOf(ConnectorException.class).isNotInstanceOf(SignInFailedException.class)
                .hasMessageContaining("acc-graph");
    }

    @Test
    void wrongSettingsAreNamed() {
        Map<String, String> settings = new HashMap<>(accounts.settings(upn));
        settings.put(GraphSettings.AUTH_MODE, "basic");

        assertThatThrownBy(() -> EmulatorAccounts.factory().open(GraphTestAccounts.account(settings,
                Credentials.NONE, c -> { }))).isInstanceOf(ConnectorException.class).hasMessageContaining("authMode");
        assertThat(accounts.emulator.stats().tokenRequests()).isZero();
    }

    @Test
    void delegatedSignInUsesMeAndSavesTheRotatedRefreshToken() {
        String refresh = accounts.emulator.registerDelegatedUser(GraphTestAccounts.TENANT, "public-client", upn);
        Map<String, String> settings = new HashMap<>(accounts.settings(upn));
        settings.put(GraphSettings.AUTH_MODE, "delegated");
        List<Credentials> saved = new ArrayList<>();
        Credentials credentials = new Credentials("public-client", Secret.empty(),
                Map.of(RefreshTokenGrant.REFRESH_TOKEN, Secret.of(refresh)));

        try (ConnectorSession session = EmulatorAccounts.factory().open(GraphTestAccounts.account(settings, credentials,
                saved::add))) {
            assertThat(session.mail().orElseThrow().inbox().id()).isEqualTo(accounts.mailbox(upn).folderId("inbox"));
        }

        assertThat(saved).hasSize(1);
        Secret rotated = saved.get(0).named(RefreshTokenGrant.REFRESH_TOKEN).orElseThrow();
        assertThat(rotated.reveal()).isNotEqualTo(refresh);
        // the next run signs in with the rotated token; the old one is spent
        try (ConnectorSession again = EmulatorAccounts.factory().open(GraphTestAccounts.account(settings, saved.get(0),
                saved::add))) {
            assertThat(again.mail().orElseThrow().folders()).isNotEmpty();
        }
        int before = accounts.emulator.stats().tokenRequests();
        assertThatThrownBy(() -> EmulatorAccounts.factory().open(GraphTestAccounts.account(settings, credentials,
                c -> { }))).isInstanceOf(SignInFailedException.class).hasMessageContaining("invalid_grant");
        assertThat(accounts.emulator.stats().tokenRequests()).isEqualTo(before + 1);
    }

    @Test
    void anExpiredAccessTokenIsRenewedNotAFailure() {
        MailStore mail = open().mail().orElseThrow();
        mail.inbox();
        int tokens = accounts.emulator.stats().tokenRequests();

        accounts.emulator.faults().expireAccessTokens();

        assertThat(mail.folders()).isNotEmpty();
        assertThat(accounts.emulator.stats().tokenRequests()).isEqualTo(tokens + 1);
    }

    // ---- throttling and availability ----

    @Test
    void a503WithRetryAfterIsWaitedOutAndCompletes() {
        MailStore mail = open().mail().orElseThrow();
        accounts.emulator.faults().serviceUnavailable(2, 1);
        Instant before = Instant.now();

        assertThat(mail.inbox().id()).isNotBlank();

        // both answers asked for one second; the retries waited for it instead of hammering
        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void tenPercentThrottledRequestsAllCompleteAndNoneIsLost() throws Exception {
        MailStore mail = open().mail().orElseThrow();
        String inbox = mail.inbox().id();
        for (int i = 0; i < 60; i++) {
            accounts.mailbox(upn).addMessage(inbox, GeneratedMessage.small("m" + i + "@customer.example", "Offer " + i));
        }
        accounts.emulator.faults().throttle(0.1, 1, 4711);

        ChangeSet<MessageRef> all = mail.changes(inbox, Optional.empty());
        int bytes = 0;
        for (MessageRef ref : all.changed()) {
            try (RawMessage raw = mail.open(ref.id())) {
                bytes += raw.content().readAllBytes().length;
            }
        }

        assertThat(all.changed()).hasSize(60);
        assertThat(bytes).isEqualTo(60 * 600);
        assertThat(accounts.emulator.stats().throttled(upn)).isPositive();
    }

    @Test
    void anExpiredDeltaTokenStartsACompleteReRead() throws Exception {
        MailStore mail = open().mail().orElseThrow();
        String inbox = mail.inbox().id();
        accounts.mailbox(upn).addMessage(inbox, GeneratedMessage.small("m1@customer.example", "One"));
        ChangeSet<MessageRef> first = mail.changes(inbox, Optional.empty());
        accounts.mailbox(upn).addMessage(inbox, GeneratedMessage.small("m2@customer.example", "Two"));

        accounts.emulator.faults().expireDeltaTokens();
        ChangeSet<MessageRef> again = mail.changes(inbox, Optional.of(first.next()));

        assertThat(again.complete()).isTrue();
        assertThat(again.changed()).hasSize(2);
        assertThat(again.removedIds()).isEmpty();
        assertThat(mail.changes(inbox, Optional.of(again.next())).changed()).isEmpty();
    }

    @Test
    void anExpiredCalendarTokenStartsACompleteReRead() {
        var events = open().events().orElseThrow();
        var created = events.create(EventData.simple("Visit", Instant.parse("2026-12-01T09:00:00Z"),
                Instant.parse("2026-12-01T10:00:00Z"), "Europe/Berlin"), Optional.of("crm-1"), new IdempotencyKey("k1"));
        var first = events.changes(Optional.empty());

        accounts.emulator.faults().expireDeltaTokens();
        var again = events.changes(Optional.of(first.next()));

        assertThat(again.complete()).isTrue();
        assertThat(again.changed()).extracting(i -> i.id()).containsExactly(created.id());
    }

    @Test
    void manyChangedItemsAreReadInBatchesOfTwentyEvenWhenThrottled() {
        var events = open().events().orElseThrow();
        for (int i = 0; i < 45; i++) {
            accounts.mailbox(upn).addEvent(Map.of("subject", "Visit " + i,
                    "start", Map.of("dateTime", "2026-12-0" + (1 + i % 9) + "T09:00:00", "timeZone", "Europe/Berlin"),
                    "end", Map.of("dateTime", "2026-12-0" + (1 + i % 9) + "T10:00:00", "timeZone", "Europe/Berlin")));
        }
        accounts.emulator.stats().reset();

        var first = events.changes(Optional.empty());

        assertThat(first.changed()).hasSize(45);
        Map<String, Integer> kinds = accounts.emulator.stats().requestsByKind(upn);
        assertThat(kinds.getOrDefault("batch", 0)).isEqualTo(3);
        // delta pages plus three batches, instead of one GET per event
        assertThat(accounts.emulator.stats().requests(upn)).isLessThan(15);

        accounts.emulator.faults().throttle(0.1, 1, 42);
        var again = events.changes(Optional.empty());

        assertThat(again.changed()).extracting(i -> i.id())
                .containsExactlyInAnyOrderElementsOf(first.changed().stream().map(i -> i.id()).toList());
        assertThat(accounts.emulator.stats().throttled(upn)).isPositive();
    }

    @Test
    void contactsAndTheirPhotosAreReadInBatchesNotOnePhotoRequestEach() {
        var contacts = open().contacts().orElseThrow();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        byte[] jpeg = JpegPhoto.of(new io.liaison.api.domain.Photo("image/png", png));
        Map<String, Boolean> withPhoto = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            ContactData simple = ContactData.simple("Anna" + i, "Berger", "anna" + i + "@example.com");
            ContactData data = i % 3 == 0 ? new ContactData(simple.title(), simple.givenName(), simple.surname(),
                    simple.displayName(), simple.company(), simple.department(), simple.jobTitle(), simple.emails(),
                    simple.businessPhones(), simple.mobilePhone(), simple.homePhones(), simple.notes(),
                    Optional.of(new io.liaison.api.domain.Photo("image/png", png))) : simple;
            withPhoto.put(contacts.create(data, Optional.empty(), new IdempotencyKey("c" + i)).id(), i % 3 == 0);
        }
        accounts.emulator.stats().reset();

        var all = contacts.changes(Optional.empty());

        assertThat(all.changed()).hasSize(25);
        for (var item : all.changed()) {
            if (withPhoto.get(item.id())) {
                // Graph keeps JPEG photos only ("Update profilephoto"): the PNG was converted on the way
                assertThat(item.data().photo()).hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(jpeg));
            } else {
                assertThat(item.data().photo()).isEmpty();
            }
        }
        Map<String, Integer> kinds = accounts.emulator.stats().requestsByKind(upn);
        // the default folder's id (from one contact), 3 delta pages, 2 batches of details and 2 of photos; the photo
        // GETs are sub-requests
        assertThat(kinds.getOrDefault("batch", 0)).isEqualTo(4);
        assertThat(kinds.get("contacts.list")).isEqualTo(1);
        assertThat(kinds.get("contacts.photo.get")).isEqualTo(25);
        assertThat(accounts.emulator.stats().batchSubRequests(upn)).isEqualTo(50);
        assertThat(accounts.emulator.stats().requests(upn)).isEqualTo(8);
    }

    // ---- concurrency and preferences ----

    @Test
    void neverMoreThanFourRequestsInFlightPerMailboxAcrossSessions() throws Exception {
        String inbox = accounts.mailbox(upn).folderId("inbox");
        for (int i = 0; i < 8; i++) {
            accounts.mailbox(upn).addMessage(inbox, GeneratedMessage.small("m" + i + "@customer.example", "Offer " + i));
        }
        List<String> ids = accounts.mailbox(upn).messageIds(inbox);
        accounts.emulator.faults().latency(Duration.ofMillis(40));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    MailStore mail = open().mail().orElseThrow();
                    int read = 0;
                    for (String id : ids) {
                        try (RawMessage raw = mail.open(id)) {
                            read += raw.content().readAllBytes().length > 0 ? 1 : 0;
                        }
                    }
                    return read;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(ids.size());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(accounts.emulator.stats().maxConcurrent(upn)).isBetween(2, MailboxGate.MAX_IN_FLIGHT);
    }

    @Test
    void everyRequestCarriesTheImmutableIdPreference() {
        ConnectorSession session = open();
        MailStore mail = session.mail().orElseThrow();
        mail.ensureFolder(mail.inbox().id(), "Import folder");
        mail.changes(mail.inbox().id(), Optional.empty());
        session.events().orElseThrow().create(EventData.simple("Visit", Instant.parse("2026-12-01T09:00:00Z"),
                Instant.parse("2026-12-01T10:00:00Z"), "Europe/Berlin"), Optional.empty(), new IdempotencyKey("e1"));
        session.tasks().orElseThrow().create(TaskData.simple("Call back", Instant.parse("2026-12-02T09:00:00Z")),
                Optional.of("crm-2"), new IdempotencyKey("t1"));
        session.contacts().orElseThrow().create(ContactData.simple("Anna", "Berger", "anna@example.com"),
                Optional.of("crm-3"), new IdempotencyKey("c1"));
        session.events().orElseThrow().changes(Optional.empty());

        assertThat(accounts.emulator.stats().requests(upn)).isGreaterThan(8);
        assertThat(accounts.emulator.stats().requestsWithoutImmutableIdPreference(upn)).isZero();
    }
}
