package io.liaison.activitysync.internal;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.TokenStore;
import io.liaison.sync.engine.Presence;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the account's rules (private items, filters) to the pairs linked before they were in force: after an
 * upgrade, or when a setting changed. Once per change both sides of the area are read completely, so that every
 * linked item is judged by the rules again (what they no longer take leaves the sync; nothing is deleted), and under
 * the rule {@code busy} the link of a linked private item is marked as changed in the groupware, so that its
 * activity is reduced. The rules in force are remembered in the token store.
 */
final class RulesCheck {
    /** Version of the rules: raise it when a new rule must be applied to existing links. */
    private static final String RULES = "rules-1";
    /** The groupware version a link gets so that its item counts as changed once. */
    static final String RECHECK = "rules-check";

    private final TokenStore tokens;
    private final LinkStore links;
    private final AccountId account;
    private final ActivityArea area;
    private final String fingerprint;
    private final Clock clock;

    RulesCheck(TokenStore tokens, LinkStore links, AccountId account, ActivityArea area, PrivateItems privateItems,
               SyncFilters filters, Clock clock) {
        this.tokens = tokens;
        this.links = links;
        this.account = account;
        this.area = area;
        this.clock = clock;
        this.fingerprint = RULES + ";privateItems=" + (privateItems.skips() ? "skip" : "busy") + ";"
                + filters.fingerprint();
    }

    private String scope() {
        return scope(area);
    }

    /** The token scope that holds the rules an area's links were last checked against. */
    static String scope(ActivityArea area) {
        return "activity-rules:" + area.syncArea.name();
    }

    /** Whether the rules in force differ from those the area's links were last checked against. */
    boolean pending() {
        return !tokens.get(account, scope()).map(SyncToken::value).equals(Optional.of(fingerprint));
    }

    /**
     * Makes the next read of both sides complete and, under the rule {@code busy}, marks the links of private items.
     *
     * @param side the area's groupware side, which tells private items
     * @return how many links of private items were marked
     */
    <T> int prepare(GroupwareSide<T> side, boolean busy) {
        tokens.clear(account, area.crmTokenScope());
        tokens.clear(account, area.groupwareTokenScope());
        if (!busy) {
            return 0;
        }
        Map<String, Link> byGroupwareId = new HashMap<>();
        for (Link link : links.list(account, area.linkScope())) {
            byGroupwareId.put(link.groupwareId(), link);
        }
        int marked = 0;
        for (Map.Entry<String, Presence<T>> e : side.lookUp(byGroupwareId.keySet()).entrySet()) {
            if (e.getValue() instanceof Presence.Found<T> found && side.isPrivate(found.item().data(), found.item().partnerId())) {
                Link link = byGroupwareId.get(e.getKey());
                links.save(new Link(link.account(), link.scope(), link.crmId(), link.crmVersion(), link.groupwareId(),
                        RECHECK, link.contentHash(), clock.instant()));
                marked++;
            }
        }
        return marked;
    }

    /** The rules were applied to every link. */
    void done() {
        tokens.put(account, scope(), new SyncToken(fingerprint));
    }

    String describe() {
        return fingerprint;
    }
}
