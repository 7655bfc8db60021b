package uk.rcc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, the SHA1 rows (8 digits). */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void givesTheCodesOfRfc6238sTestVectors(long unixTime, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(unixTime)), 8))
                .isEqualTo(expected);
    }

    /** RFC 4226 appendix D: HOTP values for counters 0 to 2 (6 digits). */
    @Test
    void givesTheCodesOfRfc4226sTestVectors() {
        assertThat(Totp.code(RFC_SECRET, 0, 6)).isEqualTo("755224");
        assertThat(Totp.code(RFC_SECRET, 1, 6)).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, 9, 6)).isEqualTo("520489");
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32);
        assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
    }

    @Test
    void acceptsTheStepsBesideTheCurrentOneButNoFurther() {
        String secret = Totp.base32(RFC_SECRET);
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "000000x", now)).isEqualTo(-1);
    }

    @Test
    void theEnrolmentAddressCarriesIssuerAccountAndSecret() {
        assertThat(Totp.otpauthUri("RCC placements", "commissioner", "ABC"))
                .isEqualTo("otpauth://totp/RCC%20placements:commissioner?secret=ABC&issuer=RCC%20placements"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
