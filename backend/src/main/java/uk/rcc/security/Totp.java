package uk.rcc.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, 30-second steps, 6 digits): what every
 * authenticator app computes from the secret in the enrolment QR code. Secrets travel in Base32 (RFC 4648).
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Codes of the step before and after the current one are accepted too: phone clocks drift. */
    static final int WINDOW = 1;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new 160-bit secret (RFC 4226 recommends 160 bits for HMAC-SHA1), Base32-encoded. */
    public static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return base32(secret);
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code an authenticator app shows at the given time step. */
    public static String code(String base32Secret, long step) {
        return code(fromBase32(base32Secret), step, DIGITS);
    }

    /** RFC 4226 section 5.3: HMAC-SHA1 of the counter, dynamically truncated to {@code digits} decimal digits. */
    static String code(byte[] secret, long counter, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = (hash[offset] & 0x7f) << 24
                    | (hash[offset + 1] & 0xff) << 16
                    | (hash[offset + 2] & 0xff) << 8
                    | hash[offset + 3] & 0xff;
            return String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    /**
     * The time step whose code {@code code} is, within the window around {@code now}, or -1. Constant-time
     * comparison, so a guesser learns nothing from how long a refusal takes.
     */
    public static long matchingStep(String base32Secret, String code, Instant now) {
        byte[] secret = fromBase32(base32Secret);
        long current = step(now);
        long found = -1;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (java.security.MessageDigest.isEqual(
                    code(secret, step, DIGITS).getBytes(), code.strip().getBytes())) {
                found = step;
            }
        }
        return found;
    }

    /** The {@code otpauth://} address authenticator apps read from the QR code. */
    public static String otpauthUri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt(buffer >> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt(buffer << 5 - bits & 31));
        }
        return out.toString();
    }

    static byte[] fromBase32(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: '" + c + "'");
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> bits - 8));
                bits -= 8;
            }
        }
        return out.array();
    }
}
