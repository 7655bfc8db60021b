package uk.rcc.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    @Test
    void theEnrolmentQrCodeReadsBackAsTheOtpauthAddress() throws Exception {
        String address = Totp.otpauthUri("RCC placements", "commissioner", Totp.newSecret());

        BitMatrix matrix = QrCode.matrix(address);

        assertThat(read(matrix, 4)).isEqualTo(address);
    }

    @Test
    void theSvgDrawsEveryDarkModuleOfTheCode() {
        String address = Totp.otpauthUri("RCC placements", "admin", Totp.newSecret());
        BitMatrix matrix = QrCode.matrix(address);
        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        String svg = new String(
                Base64.getDecoder().decode(QrCode.dataUri(address).substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight());
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
    }

    /** Renders the modules as pixels, {@code scale} to a module, and decodes them as a phone's camera would. */
    private static String read(BitMatrix matrix, int scale) throws Exception {
        int width = matrix.getWidth() * scale;
        int height = matrix.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xff000000 : 0xffffffff;
            }
        }
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))))
                .getText();
    }
}
