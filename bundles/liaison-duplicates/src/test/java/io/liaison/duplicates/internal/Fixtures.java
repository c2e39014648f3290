package io.liaison.duplicates.internal;

import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.duplicates.ContactCandidate;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers shared by the duplicate check's tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A contact to check as the CRM would store it. */
    static ContactPersonData data(ContactCandidate c) {
        List<Communication> comms = new ArrayList<>();
        c.emails().forEach(e -> comms.add(new Communication(CommunicationType.EMAIL, e, comms.isEmpty())));
        c.phones().forEach(p -> comms.add(new Communication(CommunicationType.PHONE, p, false)));
        c.mobiles().forEach(m -> comms.add(new Communication(CommunicationType.MOBILE, m, false)));
        return new ContactPersonData(Optional.empty(), "", c.title(), c.firstName(), c.lastName(), "", "", comms, c.country());
    }

    static ContactCandidate candidate(String first, String last, List<String> emails, List<String> phones, List<String> mobiles) {
        return new ContactCandidate("", first, last, emails, phones, mobiles, "");
    }

    /** The configuration's defaults, with the given index employee. */
    static DuplicateCheckConfig config(String indexEmployee, int maxStalenessSeconds) {
        return config(indexEmployee, maxStalenessSeconds, true);
    }

    /** The configuration's defaults, with the given index employee and look-ups in memory or in the tables. */
    static DuplicateCheckConfig config(String indexEmployee, int maxStalenessSeconds, boolean lookupsInMemory) {
        return config(indexEmployee, maxStalenessSeconds, lookupsInMemory, 50, "DE");
    }

    /** The configuration's defaults, with the given index employee, look-ups, match limit and phone region. */
    static DuplicateCheckConfig config(String indexEmployee, int maxStalenessSeconds, boolean lookupsInMemory,
                                       int maxMatches, String region) {
        return new DuplicateCheckConfig() {
            @Override public Class<? extends Annotation> annotationType() { return DuplicateCheckConfig.class; }
            @Override public String defaultRegion() { return region; }
            @Override public double nameSimilarity() { return 0.90; }
            @Override public double phoneticSimilarity() { return 0.75; }
            @Override public String[] sharedMailboxNames() { return new String[] {"zentrale-nord"}; }
            @Override public String indexEmployee() { return indexEmployee; }
            @Override public int maxStalenessSeconds() { return maxStalenessSeconds; }
            @Override public int pageSize() { return 50; }
            @Override public int maxCandidates() { return 2000; }
            @Override public int maxMatches() { return maxMatches; }
            @Override public boolean lookupsInMemory() { return lookupsInMemory; }
            @Override public String dataSource_target() { return "(dataSourceName=liaison)"; }
        };
    }
}
