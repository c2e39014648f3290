package io.liaison.connector.graph.internal;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorException;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code graph} account's settings, read and checked once when a session opens.
 *
 * @param tenantId          the Entra ID tenant (id or domain)
 * @param mailbox           the mailbox's UPN or user id
 * @param mode              application (client credentials) or delegated (refresh token)
 * @param graphEndpoint     the Graph base URL, without a trailing slash
 * @param authorityHost     the sign-in host, with a trailing slash
 * @param trustStore        a PKCS12 trust store for private CAs (and the emulator), if set
 * @param trustStorePassword its password, or empty
 * @param calendarPastDays  how far back the calendar window reaches
 * @param calendarFutureDays how far ahead the calendar window reaches
 * @param todoList          the Microsoft To Do list's name; empty for the default list
 * @param contactsFolder    the contacts folder's name; empty for the default folder
 * @param timeZone          the zone for all-day events and for times written without one
 */
record GraphSettings(String tenantId, String mailbox, AuthMode mode, String graphEndpoint, String authorityHost,
                     Optional<Path> trustStore, String trustStorePassword, int calendarPastDays,
                     int calendarFutureDays, Optional<String> todoList, Optional<String> contactsFolder,
                     ZoneId timeZone) {

    static final String TENANT_ID = "tenantId";
    static final String MAILBOX = "mailbox";
    static final String AUTH_MODE = "authMode";
    static final String GRAPH_ENDPOINT = "graphEndpoint";
    static final String AUTHORITY_HOST = "authorityHost";
    static final String TRUST_STORE = "trustStore";
    static final String TRUST_STORE_PASSWORD = "trustStorePassword";
    static final String CALENDAR_PAST_DAYS = "calendarPastDays";
    static final String CALENDAR_FUTURE_DAYS = "calendarFutureDays";
    static final String TODO_LIST = "todoList";
    static final String CONTACTS_FOLDER = "contactsFolder";
    static final String TIME_ZONE = "timeZone";

    static final String DEFAULT_GRAPH_ENDPOINT = "https://graph.microsoft.com/v1.0";
    static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com/";

    /** How the connector signs in. */
    enum AuthMode {
        /** OAuth client credentials of an app registration with application permissions: {@code /users/{mailbox}}. */
        APPLICATION,
        /** A user's refresh token obtained once (device code) for delegated permissions: {@code /me}. */
        DELEGATED
    }

    static GraphSettings of(AccountContext context) {
        String account = "account " + context.account();
        String modeName = context.setting(AUTH_MODE).orElse("application").trim().toUpperCase(Locale.ROOT);
        AuthMode mode;
        try {
            mode = AuthMode.valueOf(modeName);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(account + ": setting '" + AUTH_MODE + "' must be 'application' or 'delegated', not '"
                    + modeName.toLowerCase(Locale.ROOT) + "'");
        }
        String endpoint = stripSlash(context.setting(GRAPH_ENDPOINT).orElse(DEFAULT_GRAPH_ENDPOINT));
        String authority = context.setting(AUTHORITY_HOST).orElse(DEFAULT_AUTHORITY_HOST);
        authority = authority.endsWith("/") ? authority : authority + "/";
        requireHttps(account, GRAPH_ENDPOINT, endpoint);
        requireHttps(account, AUTHORITY_HOST, authority);
        ZoneId zone;
        try {
            zone = context.setting(TIME_ZONE).map(ZoneId::of).orElse(ZoneId.of("UTC"));
        } catch (DateTimeException e) {
            throw new ConnectorException(account + ": setting '" + TIME_ZONE + "' is not a time zone: " + e.getMessage(), e);
        }
        return new GraphSettings(context.requiredSetting(TENANT_ID), context.requiredSetting(MAILBOX), mode, endpoint,
                authority, context.setting(TRUST_STORE).map(Path::of), context.setting(TRUST_STORE_PASSWORD).orElse(""),
                days(context, CALENDAR_PAST_DAYS, 90), days(context, CALENDAR_FUTURE_DAYS, 365),
                context.setting(TODO_LIST), context.setting(CONTACTS_FOLDER), zone);
    }

    /** The host of the Graph endpoint: the only host that ever gets an access token. */
    String graphHost() {
        return URI.create(graphEndpoint).getHost();
    }

    /** What names the mailbox in a URL path: the user, or the token that becomes {@code /me}. */
    String userSegment() {
        return mode == AuthMode.DELEGATED ? GraphHttp.ME_TOKEN : mailbox;
    }

    private static int days(AccountContext context, String name, int fallback) {
        String value = context.setting(name).orElse(Integer.toString(fallback));
        try {
            int days = Integer.parseInt(value.trim());
            if (days < 0 || days > 3650) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new ConnectorException("account " + context.account() + ": setting '" + name
                    + "' must be a number of days from 0 to 3650, not '" + value + "'");
        }
    }

    private static void requireHttps(String account, String name, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(account + ": setting '" + name + "' is not a URL: " + url);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ConnectorException(account + ": setting '" + name + "' must be an https URL, not " + url);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
