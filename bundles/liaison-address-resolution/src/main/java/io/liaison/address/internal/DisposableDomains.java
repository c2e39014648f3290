package io.liaison.address.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The domains of disposable (throw-away) addresses, from the maintained list of the npm package
 * disposable-email-domains (MIT; {@code scripts/refresh-disposable-email-domains.sh} refreshes the copy shipped as
 * {@code disposable-email-domains.txt}, and {@code disposable-email-domains-wildcard.txt} for the services whose every
 * subdomain is one). Like a free-mail domain, such a domain never identifies a business partner. Some 120,000
 * domains: kept as a sorted array (about half the heap of a hash set) and looked up by binary search.
 */
final class DisposableDomains {
    private static final DisposableDomains SHIPPED = new DisposableDomains(read("disposable-email-domains.txt"),
            read("disposable-email-domains-wildcard.txt"));

    private final String[] domains;
    private final String[] withSubdomains;

    private DisposableDomains(String[] domains, String[] withSubdomains) {
        this.domains = domains;
        this.withSubdomains = withSubdomains;
    }

    /** The shipped lists, read once. */
    static DisposableDomains shipped() {
        return SHIPPED;
    }

    /**
     * Whether an (ASCII) domain is a disposable-address domain: listed itself or with its registrable domain, or a
     * subdomain of a service listed with its subdomains.
     */
    boolean contains(String asciiDomain, String registrableDomain) {
        if (listed(domains, asciiDomain) || listed(domains, registrableDomain)) {
            return true;
        }
        for (String d = asciiDomain; ; d = d.substring(d.indexOf('.') + 1)) {
            if (listed(withSubdomains, d)) {
                return true;
            }
            if (d.indexOf('.') < 0) {
                return false;
            }
        }
    }

    /** How many domains are listed. */
    int size() {
        return domains.length + withSubdomains.length;
    }

    private static boolean listed(String[] sorted, String domain) {
        return Arrays.binarySearch(sorted, domain) >= 0;
    }

    /** A list: '#' lines are comments; Unicode entries (the list has a few) in their ASCII form. */
    private static String[] read(String resource) {
        List<String> all = new ArrayList<>(130_000);
        try (InputStream in = DisposableDomains.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String domain = line.strip();
                if (domain.isEmpty() || domain.startsWith("#")) {
                    continue;
                }
                try {
                    all.add(domain.chars().allMatch(c -> c < 0x80) ? domain : DomainNames.toAscii(domain));
                } catch (IllegalArgumentException notADomain) {
                    // an entry no address can have: nothing to look up
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
        String[] sorted = all.toArray(new String[0]);
        Arrays.sort(sorted);
        return sorted;
    }
}
