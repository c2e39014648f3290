package io.liaison.address.internal;

import com.google.common.net.InternetDomainName;

/**
 * Cuts a domain to its registrable domain by the Public Suffix List that Guava carries:
 * {@code vertrieb.firma.co.uk} → {@code firma.co.uk}, {@code mail.firma.de} → {@code firma.de}. A domain under no
 * known public suffix (an intranet's {@code firma.local}) is kept whole.
 */
public final class RegistrableDomain {
    private RegistrableDomain() {
    }

    /** The registrable domain of an ASCII (IDN) domain. */
    public static String of(String asciiDomain) {
        InternetDomainName name = InternetDomainName.from(asciiDomain);
        return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : name.toString();
    }
}
