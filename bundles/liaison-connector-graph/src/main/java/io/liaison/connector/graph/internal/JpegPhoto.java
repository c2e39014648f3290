package io.liaison.connector.graph.internal;

import io.liaison.api.domain.Photo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * A contact photo as "Update profilephoto" (https://learn.microsoft.com/en-us/graph/api/profilephoto-update) takes
 * it: {@code Content-Type: image/jpeg}, in a request under 4 MB. A JPEG that fits is sent as it is; a PNG, a GIF (its
 * first frame) or a JPEG too large is decoded and encoded as JPEG, transparency on white, scaled down until it fits.
 */
final class JpegPhoto {

    static final String MEDIA_TYPE = "image/jpeg";
    /** The photo's share of Graph's 4 MB per request: the rest is room for the request's headers. */
    static final int LIMIT = Photo.MAX_BYTES - 64 * 1024;
    /**
     * Images are decoded at most this wide and high (every n-th pixel of a larger one), so that a small file that
     * claims huge dimensions cannot fill the memory; a contact photo needs far less.
     */
    static final int LARGEST_SIDE = 2048;
    private static final float QUALITY = 0.9f;
    private static final double SHRINK = 0.75;

    private JpegPhoto() {
    }

    /**
     * @return JPEG bytes of at most {@link #LIMIT}
     * @throws IllegalArgumentException when the photo cannot be decoded as an image; the message says why
     */
    static byte[] of(Photo photo) {
        return of(photo, LIMIT);
    }

    /** As {@link #of(Photo)}, with another limit (for tests: reaching 4 MB takes large images). */
    static byte[] of(Photo photo, int limit) {
        byte[] bytes = photo.bytes();
        if (isJpeg(bytes) && bytes.length <= limit) {
            return bytes;
        }
        BufferedImage image = opaque(decode(photo, bytes));
        while (true) {
            byte[] jpeg = encode(image);
            if (jpeg.length <= limit) {
                return jpeg;
            }
            image = scaled(image, SHRINK);
        }
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    private static BufferedImage decode(Photo photo, byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("it is no image type that can be converted to JPEG");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int step = Math.max(1, (Math.max(reader.getWidth(0), reader.getHeight(0)) + LARGEST_SIDE - 1)
                        / LARGEST_SIDE);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the photo (" + photo.mediaType() + ", " + bytes.length
                    + " bytes) cannot be read as an image: " + e.getMessage(), e);
        }
    }

    /** JPEG has no transparency: transparent pixels become white, as on a white contact card. */
    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(Math.max(1, image.getWidth()), Math.max(1, image.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        int width = Math.max(1, (int) (image.getWidth() * factor));
        int height = Math.max(1, (int) (image.getHeight() * factor));
        if (width == image.getWidth() && height == image.getHeight()) {
            throw new IllegalStateException("even a 1x1 JPEG is larger than the limit");
        }
        BufferedImage smaller = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smaller.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return smaller;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("the photo cannot be encoded as JPEG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
