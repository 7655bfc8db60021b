package uk.rcc.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages of two-factor sign-in, plain HTML like the sign-in page: the code after the password, enrolment with a
 * QR code (at the first sign-in of an account that must have a second factor, or from /account/two-factor for one
 * that may), the recovery codes shown once, and an administrator's reset for a lost phone.
 */
@Controller
class TwoFactorPages {
    private static final String ISSUER = "RCC placements";
    private final TwoFactorAccounts twoFactor;
    private final TwoFactorSignIn signIn;

    TwoFactorPages(TwoFactorAccounts twoFactor, TwoFactorSignIn signIn) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
    }

    @GetMapping(path = "/login/code", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> codePage(CsrfToken csrf, HttpServletRequest request) {
        if (signIn.pending(request).isEmpty()) {
            return toSignIn();
        }
        String message = request.getParameter("error") != null
                ? "<p class=\"error\" role=\"alert\">Wrong or already used code. Five wrong codes lock the account for"
                        + " 15 minutes.</p>"
                : "";
        return ResponseEntity.ok(page("Enter your code", message + """
                <form method="post" action="/login/code">
                  <label for="code">Code from your authenticator app, or a recovery code</label>
                  <input id="code" name="code" autocomplete="one-time-code" inputmode="text" required autofocus>
                  %s
                  <button type="submit">Sign in</button>
                </form>""".formatted(csrfField(csrf))));
    }

    @PostMapping("/login/code")
    ResponseEntity<String> submitCode(
            @RequestParam String code, HttpServletRequest request, HttpServletResponse response) {
        Optional<String> username = signIn.pending(request);
        if (username.isEmpty()) {
            return toSignIn();
        }
        return switch (twoFactor.verify(username.get(), code)) {
            case ACCEPTED -> {
                signIn.complete(request, response, username.get());
                yield redirect("/");
            }
            case REFUSED -> redirect("/login/code?error");
            case LOCKED -> {
                signIn.forget(request);
                yield redirect("/login?error");
            }
        };
    }

    @GetMapping(path = "/login/enrol", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> enrolAtSignIn(CsrfToken csrf, HttpServletRequest request) {
        Optional<String> username = signIn.pending(request);
        if (username.isEmpty()) {
            return toSignIn();
        }
        if (twoFactor.enrolled(username.get())) {
            return redirect("/login/code");
        }
        return enrolmentPage(username.get(), "/login/enrol", csrf, request);
    }

    @PostMapping("/login/enrol")
    @ResponseBody
    ResponseEntity<String> confirmAtSignIn(
            @RequestParam String code, HttpServletRequest request, HttpServletResponse response) {
        Optional<String> username = signIn.pending(request);
        if (username.isEmpty() || twoFactor.enrolled(username.get())) {
            return toSignIn();
        }
        Optional<List<String>> recoveryCodes = twoFactor.confirm(username.get(), code);
        if (recoveryCodes.isEmpty()) {
            if (twoFactor.failedCode(username.get()) == TwoFactorAccounts.Check.LOCKED) {
                signIn.forget(request);
                return redirect("/login?error");
            }
            return redirect("/login/enrol?error");
        }
        signIn.complete(request, response, username.get());
        return ResponseEntity.ok(recoveryCodesPage(recoveryCodes.get()));
    }

    /** Optional enrolment for a signed-in local account whose role does not require it. */
    @GetMapping(path = "/account/two-factor", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> enrolSignedIn(CsrfToken csrf, HttpServletRequest request) {
        String username = localAccount();
        if (twoFactor.enrolled(username)) {
            return ResponseEntity.ok(page(
                    "Two-factor sign-in",
                    "<p id=\"enrolled\">Your account signs in with a "
                            + "code from your authenticator app. An administrator can reset it if you lose your phone.</p>"
                            + "<p><a href=\"/\">Back</a></p>"));
        }
        return enrolmentPage(username, "/account/two-factor", csrf, request);
    }

    @PostMapping("/account/two-factor")
    @ResponseBody
    ResponseEntity<String> confirmSignedIn(@RequestParam String code) {
        String username = localAccount();
        Optional<List<String>> recoveryCodes = twoFactor.confirm(username, code);
        if (recoveryCodes.isEmpty()) {
            twoFactor.failedCode(username);
            return redirect("/account/two-factor?error");
        }
        return ResponseEntity.ok(recoveryCodesPage(recoveryCodes.get()));
    }

    /** An administrator clears an account's enrolment (a lost phone); audited. */
    @PostMapping("/api/accounts/{username}/two-factor/reset")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> reset(@PathVariable String username) {
        return twoFactor.reset(username, Viewer.current().username())
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private static String localAccount() {
        Viewer viewer = Viewer.current();
        if (!(org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication()
                        .getPrincipal()
                instanceof RccUser)) {
            throw new org.springframework.web.server.ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "accounts signed in through OpenID Connect use their identity provider's factors");
        }
        return viewer.username();
    }

    private ResponseEntity<String> enrolmentPage(
            String username, String action, CsrfToken csrf, HttpServletRequest request) {
        Optional<String> offered = twoFactor.offeredSecret(username);
        if (offered.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(page("Two-factor sign-in", "<p>No local account of that name.</p>"));
        }
        String secret = offered.get();
        String message = request.getParameter("error") != null
                ? "<p class=\"error\" role=\"alert\">That code did not match. Check the phone's clock and try the "
                        + "next code.</p>"
                : "";
        return ResponseEntity.ok(page(
                "Set up two-factor sign-in",
                message
                        + """
                <p>Scan this code with an authenticator app (any app for time-based codes), then enter the
                six-digit code it shows.</p>
                <p><img id="qr" src="%s" alt="QR code of your two-factor secret" width="240" height="240"></p>
                <p>Or type this key into the app: <code id="secret">%s</code></p>
                <form method="post" action="%s">
                  <label for="code">Six-digit code</label>
                  <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" required autofocus>
                  %s
                  <button type="submit">Confirm</button>
                </form>""".formatted(
                                        QrCode.dataUri(Totp.otpauthUri(ISSUER, username, secret)),
                                        HtmlUtils.htmlEscape(secret),
                                        action,
                                        csrfField(csrf))));
    }

    private static String recoveryCodesPage(List<String> codes) {
        StringBuilder list = new StringBuilder("<ul id=\"recovery-codes\">");
        codes.forEach(code -> list.append("<li><code>").append(code).append("</code></li>"));
        list.append("</ul>");
        return page("Your recovery codes", """
                <p>Two-factor sign-in is set up. Keep these recovery codes somewhere safe: each signs you in once
                without your phone. They are shown only now.</p>
                %s
                <p><a id="continue" class="button" href="/">I have kept them: continue</a></p>""".formatted(list));
    }

    private static String csrfField(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
                + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
    }

    private static ResponseEntity<String> toSignIn() {
        return redirect("/login");
    }

    private static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .header("Location", location)
                .build();
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s – RCC placements</title>
                  <link rel="stylesheet" href="/css/app.css">
                </head>
                <body class="login">
                  <main>
                    <h1>%s</h1>
                    %s
                  </main>
                </body>
                </html>
                """.formatted(title, title, body);
    }
}
