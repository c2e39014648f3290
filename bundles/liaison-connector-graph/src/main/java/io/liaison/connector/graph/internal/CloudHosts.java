package io.liaison.connector.graph.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hosts a {@code graph} account may send its client secret, assertion, refresh token and access tokens to:
 * Microsoft's cloud hosts, and the hosts an administrator allows in the connector's configuration (a Graph emulator,
 * a proxy). An account's settings name the hosts, and whoever may change settings is not necessarily who may decide
 * where secrets go: a setting naming another host is refused.
 */
final class CloudHosts {
    /**
     * The Microsoft Graph service roots of the global service and the national clouds (US Government L4, US
     * Government L5 (DOD), China operated by 21Vianet), from "Microsoft Graph national cloud deployments",
     * https://learn.microsoft.com/en-us/graph/deployments, table "Microsoft Graph and Graph Explorer service root
     * endpoints".
     */
    static final Set<String> GRAPH = Set.of("graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us",
            "microsoftgraph.chinacloudapi.cn");
    /**
     * The Microsoft Entra ID (token service) hosts of the same page, table "App registration and token service root
     * endpoints": the global service, Azure US Government and Azure China operated by 21Vianet.
     */
    static final Set<String> AUTHORITY = Set.of("login.microsoftonline.com", "login.microsoftonline.us",
            "login.chinacloudapi.cn");

    /** Where an administrator allows other hosts. */
    static final String ALLOWED_HOSTS_WHERE = "allowedHosts in etc/" + GraphConnectorFactory.PID + ".cfg";

    private final Set<String> allowed;

    /** Microsoft's hosts and the given ones (host names or addresses, no scheme or port). */
    CloudHosts(Collection<String> allowedHosts) {
        this.allowed = allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).map(CloudHosts::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    static CloudHosts allowing(String... hosts) {
        return new CloudHosts(Arrays.asList(hosts));
    }

    /**
     * Checks the host settings of an account: the Graph endpoint, the sign-in host and every URL in the scope.
     *
     * @throws IllegalArgumentException naming the setting and the host it may not name
     */
    void check(Map<String, String> settings) {
        check(settings, GraphSettings.GRAPH_ENDPOINT, GRAPH);
        check(settings, GraphSettings.AUTHORITY_HOST, AUTHORITY);
        String scope = settings.get(GraphConnectorFactory.SCOPE);
        if (scope != null) {
            for (String item : scope.trim().split("\\s+")) {
                // short scope names (Mail.ReadWrite, offline_access) name no host
                if (item.contains(":")) {
                    checkUrl(GraphConnectorFactory.SCOPE, item, GRAPH);
                }
            }
        }
    }

    private void check(Map<String, String> settings, String name, Set<String> microsoft) {
        String value = settings.get(name);
        if (value != null && !value.isBlank()) {
            checkUrl(name, value.trim(), microsoft);
        }
    }

    private void checkUrl(String name, String value, Set<String> microsoft) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + name + "' is not a URL: " + value);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("setting '" + name + "' must be an https URL, not " + value);
        }
        String host = normalise(uri.getHost());
        if (!microsoft.contains(host) && !allowed.contains(host)) {
            throw new IllegalArgumentException("setting '" + name + "' names host " + host + ", which is none of"
                    + " Microsoft's (" + String.join(", ", new TreeSet<>(microsoft)) + "): the account's secrets"
                    + " and tokens would go there; an administrator may allow it with " + ALLOWED_HOSTS_WHERE);
        }
    }

    /** Lower case, without the trailing dot of a fully qualified name, without IPv6 brackets. */
    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    @Override
    public String toString() {
        return "CloudHosts[allowed=" + new TreeSet<>(allowed) + "]";
    }
}
