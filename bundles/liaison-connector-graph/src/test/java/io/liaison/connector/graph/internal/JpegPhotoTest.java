package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.domain.Photo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Contact photos as "Update profilephoto" takes them: JPEG in a request under 4 MB. PNG and GIF are converted, a
 * JPEG that fits is sent unchanged, a photo too large for the limit is scaled down.
 */
class JpegPhotoTest {

    private static byte[] encoded(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    /** Noise: what compresses worst, so that size limits are reached with small images. */
    private static BufferedImage noise(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    @Test
    void pngWithTransparencyAndGifBecomeJpegOfTheSameSize() throws IOException {
        byte[] png = encoded(noise(40, 30, BufferedImage.TYPE_INT_ARGB), "png");
        byte[] gif = encoded(noise(20, 10, BufferedImage.TYPE_INT_RGB), "gif");

        byte[] fromPng = JpegPhoto.of(new Photo("image/png", png));
        byte[] fromGif = JpegPhoto.of(new Photo("image/gif", gif));

        assertThat(JpegPhoto.isJpeg(fromPng)).isTrue();
        BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(fromPng));
        assertThat(read.getWidth()).isEqualTo(40);
        assertThat(read.getHeight()).isEqualTo(30);
        assertThat(JpegPhoto.isJpeg(fromGif)).isTrue();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(fromGif)).getWidth()).isEqualTo(20);
    }

    @Test
    void aJpegThatFitsIsSentAsItIs() throws IOException {
        byte[] jpeg = encoded(noise(30, 30, BufferedImage.TYPE_INT_RGB), "jpeg");

        assertThat(JpegPhoto.of(new Photo("image/png", jpeg))).isEqualTo(jpeg);
    }

    @Test
    void aPhotoLargerThanTheLimitIsScaledDownUntilItFits() throws IOException {
        // a 1200 x 1200 noise PNG of 4 MB at most: as JPEG of good quality it is well over the 64 KB asked here
        byte[] png = encoded(noise(1000, 1000, BufferedImage.TYPE_INT_RGB), "png");
        assertThat(png.length).isLessThanOrEqualTo(Photo.MAX_BYTES);

        byte[] jpeg = JpegPhoto.of(new Photo("image/png", png), 64 * 1024);

        assertThat(jpeg.length).isLessThanOrEqualTo(64 * 1024);
        BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        assertThat(read.getWidth()).isLessThan(1000);
        assertThat(read.getWidth()).isEqualTo(read.getHeight());
    }

    @Test
    void whatIsNoImageIsRefusedWithItsTypeAndSize() {
        Photo text = new Photo("image/png", "no image at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> JpegPhoto.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image/png").hasMessageContaining("15 bytes");
    }
}
