package io.liaison.content.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.hmef.CompressedRTF;

/**
 * Unpacks an Outlook message's compressed RTF body ([MS-OXRTFCP]) with a cap on the output. POI's own
 * {@code MAPIMessage.getRtfBody()} unpacks it whole: a few megabytes of compressed RTF can expand many times over
 * and fill the heap, so the output here stops at the cap (the RTF is then read as far as it goes).
 */
final class CompressedRtf {

    /**
     * The body as a string of ISO-8859-1 characters (one per byte, as RTF is 7-bit with escapes), and whether it was
     * cut at the cap.
     */
    record Body(String rtf, boolean cut) {
    }

    private CompressedRtf() {
    }

    static Body decompress(byte[] compressed, int maxBytes) throws IOException {
        CappedOutput out = new CappedOutput(maxBytes);
        CompressedRTF rtf = new CompressedRTF();
        try {
            rtf.decompress(new ByteArrayInputStream(compressed), out);
        } catch (CapReached e) {
            return new Body(out.buffer.toString(StandardCharsets.ISO_8859_1), true);
        }
        // POI trims the output to the declared size too: the last run may write a few bytes beyond it
        int declared = rtf.getDeCompressedSize();
        String body = out.buffer.toString(StandardCharsets.ISO_8859_1);
        return new Body(declared >= 0 && declared < body.length() ? body.substring(0, declared) : body, false);
    }

    /** Thrown out of the decompressor when the cap is reached: the only way to stop it early. */
    private static final class CapReached extends IOException {
        private static final long serialVersionUID = 1L;

        CapReached() {
            super("compressed RTF output cap reached");
        }
    }

    private static final class CappedOutput extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int max;

        CappedOutput(int max) {
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            if (buffer.size() >= max) {
                throw new CapReached();
            }
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int room = max - buffer.size();
            buffer.write(b, off, Math.min(room, len));
            if (len > room) {
                throw new CapReached();
            }
        }
    }
}
