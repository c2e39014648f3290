package io.liaison.address.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The free-mail domains (gmail.com, web.de, gmx.de, …): anybody can have an address there, so such a domain never
 * identifies a business partner. The list ships as {@code free-mail-domains.txt} and is extended by configuration.
 */
public final class FreeMailDomains {
    private final Set<String> domains;

    private FreeMailDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    /** The shipped list plus the given domains. */
    public static FreeMailDomains withAdditional(Collection<String> additional) {
        Set<String> all = new HashSet<>();
        try (InputStream in = FreeMailDomains.class.getResourceAsStream("free-mail-domains.txt")) {
            if (in == null) {
                throw new IllegalStateException("free-mail-domains.txt is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                add(all, line.replaceAll("#.*", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read free-mail-domains.txt", e);
        }
        additional.forEach(d -> add(all, d));
        return new FreeMailDomains(all);
    }

    private static void add(Set<String> all, String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (!d.isEmpty()) {
            all.add(DomainNames.toAscii(d));
        }
    }

    /** Whether the (ASCII) domain or its registrable domain is a free-mail domain. */
    public boolean contains(String asciiDomain, String registrableDomain) {
        return domains.contains(asciiDomain) || domains.contains(registrableDomain);
    }

    /** How many domains are known. */
    public int size() {
        return domains.size();
    }
}
