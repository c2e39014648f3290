package io.liaison.api.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A contact's photo. Limited to {@link #MAX_BYTES}, the largest photo Microsoft Graph accepts.
 *
 * @param mediaType e.g. {@code image/jpeg}
 * @param bytes     the image; the record keeps its own copy
 */
public record Photo(String mediaType, byte[] bytes) {
    /** 4 MB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    public Photo {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        if (!mediaType.startsWith("image/")) {
            throw new IllegalArgumentException("a photo must be an image, not " + mediaType);
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("a photo must have 1 to " + MAX_BYTES + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Photo p && p.mediaType.equals(mediaType) && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Photo[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
