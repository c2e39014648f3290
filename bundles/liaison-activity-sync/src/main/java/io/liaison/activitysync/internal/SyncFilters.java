package io.liaison.activitysync.internal;

import io.liaison.api.connector.item.Participation;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.GroupwareAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's sync filters, read from its settings ({@code filter.*}, like {@value PrivateItems#SETTING}): which
 * groupware items reach the CRM (categories, the owner's role, free time, declined and cancelled meetings, a time
 * window) and which CRM activities reach the groupware (types, status keys). Without settings everything passes, as
 * before. An item a filter no longer takes leaves the sync: the pair is unlinked and both items stay. Also remembers
 * the groupware items that left by filter in one run, so that the CRM side holds their activities back.
 */
final class SyncFilters {
    private static final Logger LOG = LoggerFactory.getLogger(SyncFilters.class);

    static final String CATEGORIES = "filter.categories";
    static final String ROLE = "filter.role";
    static final String EXCLUDE_FREE = "filter.excludeFree";
    static final String EXCLUDE_DECLINED = "filter.excludeDeclined";
    static final String EXCLUDE_CANCELLED = "filter.excludeCancelled";
    static final String PAST_DAYS = "filter.pastDays";
    static final String FUTURE_DAYS = "filter.futureDays";
    static final String ACTIVITY_TYPES = "filter.activityTypes";
    static final String ACTIVITY_STATUSES = "filter.activityStatuses";

    /** Whose meetings reach the CRM. */
    enum Role {
        /** Every item (the default). */
        ANY,
        /** Items the owner organises (appointments and the owner's own meetings). */
        ORGANISED,
        /** Meetings organised by someone else that the owner attends. */
        ATTENDED
    }

    /**
     * What the filters look at in a groupware item.
     *
     * @param participation the owner's part in a meeting; empty for a task (always the owner's)
     * @param series        a recurring series, whose occurrences go on past its first one's end
     */
    record Facts(List<String> categories, Optional<Instant> start, Optional<Instant> end, boolean cancelled,
                 boolean free, Optional<Participation> participation, boolean series) {
    }

    private final List<String> categories;
    private final Role role;
    private final boolean excludeFree;
    private final boolean excludeDeclined;
    private final boolean excludeCancelled;
    private final Optional<Integer> pastDays;
    private final Optional<Integer> futureDays;
    private final Set<String> activityTypes;
    private final Set<String> activityStatuses;
    private final Clock clock;
    private final Set<String> leftByFilter = ConcurrentHashMap.newKeySet();

    private SyncFilters(GroupwareAccount account, Clock clock) {
        this.clock = clock;
        this.categories = list(account, CATEGORIES);
        this.role = role(account);
        this.excludeFree = flag(account, EXCLUDE_FREE);
        this.excludeDeclined = flag(account, EXCLUDE_DECLINED);
        this.excludeCancelled = flag(account, EXCLUDE_CANCELLED);
        this.pastDays = days(account, PAST_DAYS);
        this.futureDays = days(account, FUTURE_DAYS);
        this.activityTypes = list(account, ACTIVITY_TYPES).stream().map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        this.activityStatuses = Set.copyOf(list(account, ACTIVITY_STATUSES));
    }

    static SyncFilters of(GroupwareAccount account, Clock clock) {
        return new SyncFilters(account, clock);
    }

    /** Why this groupware item does not reach the CRM, or empty when every filter takes it. */
    Optional<String> groupwareExcludes(Facts item) {
        if (!categories.isEmpty() && item.categories().stream().noneMatch(c -> categories.stream()
                .anyMatch(f -> f.equalsIgnoreCase(c)))) {
            return Optional.of("in none of the categories " + String.join(", ", categories) + " (" + CATEGORIES + ")");
        }
        // tasks have no organizer: the role filter looks at events only
        boolean event = item.participation().isPresent();
        boolean organised = item.participation().map(Participation::organisedByOwner).orElse(true);
        if (event && role == Role.ORGANISED && !organised) {
            return Optional.of("organised by someone else (" + ROLE + "=organised)");
        }
        if (event && role == Role.ATTENDED && organised) {
            return Optional.of("organised by its owner (" + ROLE + "=attended)");
        }
        if (excludeFree && item.free()) {
            return Optional.of("shown as free (" + EXCLUDE_FREE + ")");
        }
        if (excludeDeclined && item.participation().filter(p -> p == Participation.DECLINED).isPresent()) {
            return Optional.of("declined (" + EXCLUDE_DECLINED + ")");
        }
        if (excludeCancelled && item.cancelled()) {
            return Optional.of("cancelled (" + EXCLUDE_CANCELLED + ")");
        }
        Instant now = clock.instant();
        if (!item.series() && pastDays.isPresent() && item.end().or(item::start)
                .filter(t -> t.isBefore(now.minus(Duration.ofDays(pastDays.get())))).isPresent()) {
            return Optional.of("more than " + pastDays.get() + " days past (" + PAST_DAYS + ")");
        }
        if (futureDays.isPresent() && item.start().or(item::end)
                .filter(t -> t.isAfter(now.plus(Duration.ofDays(futureDays.get())))).isPresent()) {
            return Optional.of("more than " + futureDays.get() + " days ahead (" + FUTURE_DAYS + ")");
        }
        return Optional.empty();
    }

    /** Why this activity of the area does not reach the groupware, or empty when every filter takes it. */
    Optional<String> crmExcludes(Activity a) {
        if (!activityTypes.isEmpty() && !activityTypes.contains(a.data().type().key().toUpperCase(Locale.ROOT))) {
            return Optional.of("its type " + a.data().type().key() + " is not one of " + ACTIVITY_TYPES);
        }
        if (!activityStatuses.isEmpty() && !activityStatuses.contains(a.data().status().key())) {
            return Optional.of("its status " + a.data().status().key() + " is not one of " + ACTIVITY_STATUSES);
        }
        return Optional.empty();
    }

    /**
     * The categories of an item Liaison writes to the groupware: under a category filter the first filter category is
     * added when the item has none of them, so that what the CRM puts there passes the filter on its way back.
     */
    List<String> stamped(List<String> itemCategories) {
        if (categories.isEmpty() || itemCategories.stream().anyMatch(c -> categories.stream()
                .anyMatch(f -> f.equalsIgnoreCase(c)))) {
            return itemCategories;
        }
        return java.util.stream.Stream.concat(itemCategories.stream(), java.util.stream.Stream.of(categories.get(0)))
                .toList();
    }

    /** The settings in force, for telling when they changed (see {@link RulesCheck}). */
    String fingerprint() {
        return String.join("|", "categories=" + String.join(",", categories), "role=" + role, "free=" + excludeFree,
                "declined=" + excludeDeclined, "cancelled=" + excludeCancelled, "past=" + pastDays.orElse(-1),
                "future=" + futureDays.orElse(-1), "types=" + activityTypes.stream().sorted().toList(),
                "statuses=" + activityStatuses.stream().sorted().toList());
    }

    /** Records that a linked groupware item left the sync in this run because a filter no longer takes it. */
    void leftByFilter(String groupwareId) {
        leftByFilter.add(groupwareId);
    }

    boolean isLeftByFilter(String groupwareId) {
        return leftByFilter.contains(groupwareId);
    }

    private static List<String> list(GroupwareAccount account, String name) {
        return account.setting(name).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private static boolean flag(GroupwareAccount account, String name) {
        return account.setting(name).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    private static Role role(GroupwareAccount account) {
        String value = account.setting(ROLE).map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse("ANY");
        for (Role r : Role.values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        LOG.warn("Account {} has {}={}, which is none of any, organised, attended; every item is taken",
                account.id(), ROLE, account.setting(ROLE).orElse(""));
        return Role.ANY;
    }

    private static Optional<Integer> days(GroupwareAccount account, String name) {
        Optional<String> value = account.setting(name).map(String::strip).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int days = Integer.parseInt(value.get());
            if (days >= 0) {
                return Optional.of(days);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("Account {} has {}={}, which is no number of days; no limit is applied", account.id(), name,
                value.get());
        return Optional.empty();
    }
}
