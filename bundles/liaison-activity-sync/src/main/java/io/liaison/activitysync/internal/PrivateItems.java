package io.liaison.activitysync.internal;

import io.liaison.api.domain.GroupwareAccount;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's rule for groupware items marked private or confidential (the account setting {@value #SETTING}), and
 * the groupware items of one area run that left the sync because they became private, so that the CRM side reduces
 * the activity they leave behind.
 */
final class PrivateItems {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateItems.class);

    /** The account setting: {@code skip} (the default) or {@code busy}. */
    static final String SETTING = "privateItems";
    /** Why a linked item left the sync, in the journal. */
    static final String LEFT_REASON = "marked private in the groupware";

    /** What becomes of a private or confidential groupware item. */
    enum Rule {
        /** It never reaches the CRM; a linked one leaves the sync and its activity is reduced to its time. */
        SKIP,
        /** It reaches the CRM as a "busy" activity: its time, without subject, body, location, people, categories. */
        BUSY
    }

    private final Rule rule;
    private final Set<String> left = ConcurrentHashMap.newKeySet();

    PrivateItems(Rule rule) {
        this.rule = rule;
    }

    /** The account's rule; a value other than {@code skip} or {@code busy} is taken as {@code skip}, the safe one. */
    static PrivateItems of(GroupwareAccount account) {
        String value = account.setting(SETTING).map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse("SKIP");
        for (Rule r : Rule.values()) {
            if (r.name().equals(value)) {
                return new PrivateItems(r);
            }
        }
        LOG.warn("Account {} has {}={}, which is neither skip nor busy; private items are skipped", account.id(),
                SETTING, account.setting(SETTING).orElse(""));
        return new PrivateItems(Rule.SKIP);
    }

    boolean skips() {
        return rule == Rule.SKIP;
    }

    /** Records that a linked groupware item left the sync in this run because it is private. */
    void leftAsPrivate(String groupwareId) {
        left.add(groupwareId);
    }

    /** Whether this groupware item left the sync in this run because it is private. */
    boolean isLeftAsPrivate(String groupwareId) {
        return left.contains(groupwareId);
    }
}
