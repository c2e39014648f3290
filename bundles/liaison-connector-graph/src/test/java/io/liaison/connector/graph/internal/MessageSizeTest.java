package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSizeTest {

    private static SingleValueLegacyExtendedProperty property(String id, String value) {
        SingleValueLegacyExtendedProperty p = new SingleValueLegacyExtendedProperty();
        p.setId(id);
        p.setValue(value);
        return p;
    }

    /** Graph writes the tag back without its leading zero and in lower case (asked 0x0E0A, answered 0xe0a). */
    @Test
    void theTagIsComparedByItsNumber() {
        assertThat(MessageSize.of(List.of(property("Long 0xe08", "48213")))).isEqualTo(48213);
        assertThat(MessageSize.of(List.of(property("LONG 0x0E08", "17")))).isEqualTo(17);
        assertThat(MessageSize.sameTag("Long 0x0E08", "Integer 0x0E08")).isFalse();
        assertThat(MessageSize.sameTag("Long 0x0E08", "Long 0x0E0A")).isFalse();
    }

    @Test
    void noPropertyOrAValueThatIsNoNumberIsUnknown() {
        assertThat(MessageSize.of(null)).isEqualTo(-1);
        assertThat(MessageSize.of(List.of())).isEqualTo(-1);
        assertThat(MessageSize.of(List.of(property("Long 0xe08", "large")))).isEqualTo(-1);
        assertThat(MessageSize.of(List.of(property("String {b5b0a4f4-3c1e-4a57-9a3e-5f0c2d7e8a41} Name LiaisonCrmId", "4"))))
                .isEqualTo(-1);
    }
}
