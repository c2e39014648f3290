package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.content.MessageParseException;
import io.liaison.api.content.ParsedMessage;
import java.io.ByteArrayInputStream;
import org.apache.poi.hmef.attribute.MAPIRtfAttribute;
import org.apache.poi.hsmf.datatypes.MAPIProperty;
import org.apache.poi.hsmf.datatypes.Types;
import org.junit.jupiter.api.Test;

/** Outlook files built to exhaust the heap are refused, or read only as far as the limits allow. */
class OutlookBoundsTest {
    private static final int MB = 1024 * 1024;

    private static ParsedMessage parse(ParseLimits limits, byte[] msg) {
        return new MessageParserComponent(limits, null).parse(new ByteArrayInputStream(msg),
                "application/vnd.ms-outlook", "crafted.msg");
    }

    @Test
    void aMsgWhoseAttachmentsShareSectorsIsRefusedBeforeTheirDeclaredGigabytesAreRead() throws Exception {
        // 1 MB on disk, 200 MB declared: POI would read each attachment's stream whole
        byte[] msg = CraftedOutlookFiles.sharedSectors(200, MB);
        assertThat(msg.length).isLessThan(2 * MB);

        assertThatThrownBy(() -> parse(ParseLimits.DEFAULTS.withMaxOutlookBytes(16 * MB), msg))
                .isInstanceOf(MessageParseException.class)
                .hasMessageContaining("crafted.msg").hasMessageContaining("exceeds a limit")
                .hasMessageContaining(String.valueOf(16 * MB));
    }

    @Test
    void aMsgWithinTheLimitIsReadWithItsAttachments() throws Exception {
        byte[] msg = CraftedOutlookFiles.sharedSectors(3, 64 * 1024);

        try (ParsedMessage m = parse(ParseLimits.DEFAULTS.withMaxOutlookBytes(MB), msg)) {
            assertThat(m.subject()).isEqualTo("Shared sectors");
            assertThat(m.attachments()).hasSize(3).allSatisfy(a -> assertThat(a.size()).isEqualTo(64 * 1024));
        }
    }

    @Test
    void aMsgFileLargerThanTheOutlookLimitIsRefusedWhileItIsCopied() throws Exception {
        byte[] msg = CraftedOutlookFiles.sharedSectors(1, 2 * MB);

        assertThatThrownBy(() -> parse(ParseLimits.DEFAULTS.withMaxOutlookBytes(MB), msg))
                .isInstanceOf(MessageParseException.class)
                .hasMessageContaining("exceeds a limit").hasMessageContaining("Outlook message larger than");
    }

    @Test
    void unpacksCompressedRtfAsTheSpecificationSaysAndAsPoiDoes() throws Exception {
        byte[] compressed = CraftedOutlookFiles.expandingRtf(10, 171);

        CompressedRtf.Body body = CompressedRtf.decompress(compressed, MB);

        // one literal and ten references of 17 copies of the byte before: 171 braces
        assertThat(body.rtf()).isEqualTo("{".repeat(171));
        assertThat(body.cut()).isFalse();
        // what MAPIMessage.getRtfBody() gives, uncapped
        assertThat(new MAPIRtfAttribute(MAPIProperty.RTF_COMPRESSED, Types.BINARY.getId(), compressed).getDataString())
                .isEqualTo(body.rtf());
    }

    @Test
    void compressedRtfThatExpandsBeyondTheCapStopsThere() throws Exception {
        // 2.1 MB that unpack to 17 MB (and POI's reader keeps all of it, twice: bytes and string)
        byte[] compressed = CraftedOutlookFiles.expandingRtf(1_000_000, Integer.MAX_VALUE);

        CompressedRtf.Body body = CompressedRtf.decompress(compressed, MB);

        assertThat(body.cut()).isTrue();
        assertThat(body.rtf()).hasSize(MB);
    }

    @Test
    void anRtfOnlyMessageIsReadUpToTheCapWithAProblemNote() throws Exception {
        byte[] msg = CraftedOutlookFiles.withRtfBody(CraftedOutlookFiles.expandingRtf(1_000_000, Integer.MAX_VALUE));
        ParseLimits limits = ParseLimits.DEFAULTS.withMaxTextChars(10_000);

        try (ParsedMessage m = parse(limits, msg)) {
            assertThat(m.subject()).isEqualTo("RTF only");
            assertThat(m.problems()).anySatisfy(p -> assertThat(p).contains("RTF body unpacks to more than 80000 bytes"));
        }
    }
}
