package io.liaison.contactreplication.internal;

import io.liaison.api.domain.Photo;
import java.util.Optional;

/**
 * Decides whether a contact photo may be replicated: its bytes must be a JPEG, PNG or GIF image (judged by the
 * content, not by the declared type) of at most {@link Photo#MAX_BYTES}. A refused photo is reported and left
 * out; the contact itself still replicates.
 */
final class PhotoCheck {

    private PhotoCheck() {
    }

    /** Why the photo is refused, or empty when it is fine. */
    static Optional<String> problem(Photo photo) {
        byte[] bytes = photo.bytes();
        if (bytes.length > Photo.MAX_BYTES) {
            return Optional.of("the photo has " + bytes.length + " bytes, more than the " + Photo.MAX_BYTES + " allowed");
        }
        Optional<String> actual = sniff(bytes);
        if (actual.isEmpty()) {
            return Optional.of("the photo (declared " + photo.mediaType() + ", " + bytes.length
                    + " bytes) is not a JPEG, PNG or GIF image");
        }
        return Optional.empty();
    }

    /** The photo with the media type its content shows, when it passes the check. */
    static Optional<Photo> accepted(Photo photo) {
        if (problem(photo).isPresent()) {
            return Optional.empty();
        }
        byte[] bytes = photo.bytes();
        return Optional.of(new Photo(sniff(bytes).orElseThrow(), bytes));
    }

    /** The image type the bytes start with: JPEG, PNG or GIF. */
    static Optional<String> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of("image/png");
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8'
                && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return Optional.of("image/gif");
        }
        return Optional.empty();
    }
}
