package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Liaison's single-value extended properties on Outlook items (events, contacts): the CRM id (found again with
 * {@code $filter}), the link to the CRM, and the idempotency key of the create. All three live in one property set
 * of our own, so that no other application's properties are touched.
 */
final class ExtendedProperties {

    /** Liaison's property set (a fixed GUID: changing it would orphan every link already written). */
    static final String PROPERTY_SET = "{b5b0a4f4-3c1e-4a57-9a3e-5f0c2d7e8a41}";
    static final String CRM_ID = "String " + PROPERTY_SET + " Name LiaisonCrmId";
    static final String CRM_LINK = "String " + PROPERTY_SET + " Name LiaisonCrmLink";
    static final String KEY = "String " + PROPERTY_SET + " Name LiaisonIdempotencyKey";

    /** The {@code $expand} that brings our three properties along with an item. */
    static final String EXPAND = "singleValueExtendedProperties($filter=id eq '" + CRM_ID + "' or id eq '" + CRM_LINK
            + "' or id eq '" + KEY + "')";

    /**
     * How many items a look-up by value reads: Graph filters values case-insensitively ("Get
     * singleValueLegacyExtendedProperty"), so values that differ only in case all match, and the exact one is picked.
     */
    static final int CANDIDATES = 10;

    private ExtendedProperties() {
    }

    /** The {@code $filter} for items whose property {@code id} has this value. */
    static String filter(String id, String value) {
        return "singleValueExtendedProperties/Any(ep: ep/id eq '" + id + "' and ep/value eq '"
                + value.replace("'", "''") + "')";
    }

    /** A property's value, if present and not empty (an unlinked item carries an empty CRM id). */
    static Optional<String> value(List<SingleValueLegacyExtendedProperty> properties, String id) {
        if (properties == null) {
            return Optional.empty();
        }
        return properties.stream().filter(p -> id.equalsIgnoreCase(p.getId())).map(SingleValueLegacyExtendedProperty::getValue)
                .filter(v -> v != null && !v.isEmpty()).findFirst();
    }

    /**
     * The properties to write: the CRM id and link (empty clears them: Graph cannot remove a property by PATCH) and
     * the idempotency key on create.
     */
    static List<SingleValueLegacyExtendedProperty> of(Optional<String> crmId, Optional<String> crmLink,
                                                      Optional<String> key) {
        List<SingleValueLegacyExtendedProperty> list = new ArrayList<>();
        list.add(property(CRM_ID, crmId.orElse("")));
        list.add(property(CRM_LINK, crmLink.orElse("")));
        key.ifPresent(k -> list.add(property(KEY, k)));
        return list;
    }

    private static SingleValueLegacyExtendedProperty property(String id, String value) {
        SingleValueLegacyExtendedProperty p = new SingleValueLegacyExtendedProperty();
        p.setId(id);
        p.setValue(value);
        return p;
    }

    /** The {@code If-Match} value for a change key, as Graph's weak ETags carry it. */
    static String ifMatch(String changeKey) {
        return changeKey.startsWith("W/\"") || changeKey.startsWith("\"") ? changeKey : "W/\"" + changeKey + "\"";
    }
}
