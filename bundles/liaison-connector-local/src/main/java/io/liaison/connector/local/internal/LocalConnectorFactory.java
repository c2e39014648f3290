package io.liaison.connector.local.internal;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code local} connector: an account's groupware is a folder tree a person can read and edit by hand
 * (mail as {@code .eml}/{@code .msg} files, events and tasks as {@code .ics}, contacts as {@code .vcf}).
 * Account settings: {@value #ROOT} (the tree's path, required; the folder must exist, its areas are created at
 * the first opening, and later a missing root or area is an error, see {@link LocalTree#open}), {@value #CREATE_ROOT}
 * ({@code true}: create a missing root, for a tree on a local disk that the setup provisions) and {@value #TIME_ZONE}
 * (the IANA zone for all-day and floating times, the JVM's zone by default) and {@value #MAILBOX} (the owner's
 * e-mail address, or several separated by commas, by which the owner is found among a meeting's organiser and
 * attendees; the account context carries no address of its own, so without this setting every event reads as
 * organised by the owner). It needs no credentials.
 */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.PROPERTY_TYPE + "=" + LocalConnectorFactory.TYPE)
public final class LocalConnectorFactory implements ConnectorFactory {

    /** The connector type. */
    public static final String TYPE = "local";
    /** The setting that names the folder tree. */
    public static final String ROOT = "root";
    /** The setting that lets the connector create a missing root ({@code true}); never for a share. */
    public static final String CREATE_ROOT = "createRoot";
    /** The setting that names the zone for all-day and floating times. */
    public static final String TIME_ZONE = "timeZone";
    /** The setting that names the owner's e-mail addresses (comma-separated), as Graph's {@code mailbox} does. */
    public static final String MAILBOX = "mailbox";

    private static final Logger LOG = LoggerFactory.getLogger(LocalConnectorFactory.class);

    private final Clock clock;

    @Activate
    public LocalConnectorFactory() {
        this(Clock.systemUTC());
    }

    LocalConnectorFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Another root is another tree: its item ids (paths, UIDs) are not the old tree's. */
    @Override
    public java.util.Set<String> identitySettings() {
        return java.util.Set.of(ROOT);
    }

    @Override
    public ConnectorSession open(AccountContext context) {
        return open(context, ListingObserver.NONE);
    }

    ConnectorSession open(AccountContext context, ListingObserver observer) {
        Path root;
        try {
            root = Path.of(context.requiredSetting(ROOT));
        } catch (InvalidPathException e) {
            throw new ConnectorException("account " + context.account() + ": setting '" + ROOT + "' is not a path: "
                    + e.getMessage(), e);
        }
        ZoneId zone;
        try {
            zone = context.setting(TIME_ZONE).map(ZoneId::of).orElse(ZoneId.systemDefault());
        } catch (DateTimeException e) {
            throw new ConnectorException("account " + context.account() + ": setting '" + TIME_ZONE + "' is not a time"
                    + " zone: " + e.getMessage(), e);
        }
        boolean createRoot = context.setting(CREATE_ROOT).map(Boolean::parseBoolean).orElse(false);
        LOG.debug("Opening the local folder tree {} for account {}", root, context.account());
        java.util.Set<String> owner = context.setting(MAILBOX).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(a -> a.strip().toLowerCase(java.util.Locale.ROOT)).filter(a -> !a.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new LocalConnectorSession(LocalTree.open(root, createRoot), zone, owner, clock, observer);
    }
}
