package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Liaison's single-value extended properties on Outlook items (events, contacts): the CRM id (found again with
 * {@code $filter}), the CRM reference (the link to the CRM together with the CRM id, see {@link CrmReference}), and
 * the idempotency key of the create. All three live in one property set of our own, so that no other application's
 * properties are touched.
 *
 * <p>Each read expands exactly one of them: "Get singleValueLegacyExtendedProperty"
 * (https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get) documents {@code $expand} with
 * "a {@code $filter} and {@code eq} operator on the id property" as "the only way" to read a property, one property,
 * and "Outlook extended properties overview" (https://learn.microsoft.com/en-us/graph/api/resources/extended-properties-overview)
 * says all the properties of an instance cannot be read in one call; {@code or} in that filter, or the navigation
 * expanded twice, is documented nowhere. Contacts need only the CRM id; events need the id and the link on every read,
 * hence the reference that carries both in one property.
 */
final class ExtendedProperties {

    /** Liaison's property set (a fixed GUID: changing it would orphan every link already written). */
    static final String PROPERTY_SET = "{b5b0a4f4-3c1e-4a57-9a3e-5f0c2d7e8a41}";
    static final String CRM_ID = "String " + PROPERTY_SET + " Name LiaisonCrmId";
    /**
     * The CRM reference ({@link CrmReference}). Its name is the one the link alone had before, so that an item written
     * then is told from one Liaison never wrote (which has no such property) without a second read.
     */
    static final String CRM_REFERENCE = "String " + PROPERTY_SET + " Name LiaisonCrmLink";
    static final String KEY = "String " + PROPERTY_SET + " Name LiaisonIdempotencyKey";

    /** The {@code $expand} that brings one property along with an item, as documented. */
    static String expand(String id) {
        return "singleValueExtendedProperties($filter=id eq '" + id + "')";
    }

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
        return stored(properties, id).filter(v -> !v.isEmpty());
    }

    /** A property's value as stored, empty text included; empty when the item does not carry it. */
    static Optional<String> stored(List<SingleValueLegacyExtendedProperty> properties, String id) {
        if (properties == null) {
            return Optional.empty();
        }
        return properties.stream().filter(p -> id.equalsIgnoreCase(p.getId())).map(SingleValueLegacyExtendedProperty::getValue)
                .filter(v -> v != null).findFirst();
    }

    /**
     * The properties to write: the CRM id (for the look-up), the reference (id and link) and the idempotency key on
     * create; empty values clear them, as Graph cannot remove a property by PATCH.
     */
    static List<SingleValueLegacyExtendedProperty> of(Optional<String> crmId, Optional<String> crmLink,
                                                      Optional<String> key) {
        List<SingleValueLegacyExtendedProperty> list = new ArrayList<>();
        list.add(property(CRM_ID, crmId.orElse("")));
        list.add(property(CRM_REFERENCE, new CrmReference(crmId, crmLink).encoded()));
        key.ifPresent(k -> list.add(property(KEY, k)));
        return list;
    }

    /** The property with this value, to add to an item read with another property expanded. */
    static SingleValueLegacyExtendedProperty with(String id, String value) {
        return property(id, value);
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
