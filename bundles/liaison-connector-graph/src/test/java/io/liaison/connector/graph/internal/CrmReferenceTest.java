package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CRM reference's text: a URI holds neither {@code >} nor a space (RFC 3986), the id anything. */
class CrmReferenceTest {

    @Test
    void anIdAndALinkComeBackAsWritten() {
        CrmReference written = new CrmReference(Optional.of("a > b <c> "), Optional.of("https://crm.example.com/a?x=1#f"));
        assertThat(written.encoded()).isEqualTo("<https://crm.example.com/a?x=1#f> a > b <c> ");
        assertThat(CrmReference.decode(written.encoded())).contains(written);
    }

    @Test
    void anIdWithoutLinkAndAnUnlinkedItemComeBackAsWritten() {
        CrmReference idOnly = new CrmReference(Optional.of("crm-1"), Optional.empty());
        assertThat(idOnly.encoded()).isEqualTo("<> crm-1");
        assertThat(CrmReference.decode(idOnly.encoded())).contains(idOnly);
        CrmReference none = new CrmReference(Optional.empty(), Optional.empty());
        assertThat(none.encoded()).isEqualTo("<>");
        assertThat(CrmReference.decode("<>")).contains(none);
    }

    /** What the property held before: the bare link, or empty text. */
    @Test
    void aLegacyValueIsNoReference() {
        assertThat(CrmReference.decode("https://crm.example.com/activities/1")).isEmpty();
        assertThat(CrmReference.decode("")).isEmpty();
        assertThat(CrmReference.legacyLink("https://crm.example.com/activities/1")).contains("https://crm.example.com/activities/1");
        assertThat(CrmReference.legacyLink("")).isEmpty();
    }
}
