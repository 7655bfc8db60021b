package uk.rcc.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The sign-in page: plain HTML with the CSRF token in the form, styled by the UI's stylesheet. */
@Controller
class LoginPageController {
    private final org.springframework.beans.factory.ObjectProvider<
                    org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
            oidcClients;

    LoginPageController(
            org.springframework.beans.factory.ObjectProvider<
                            org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
                    oidcClients) {
        this.oidcClients = oidcClients;
    }

    /** Links to each configured OpenID Connect provider ("Sign in with ..."). */
    private String oidcLinks() {
        StringBuilder links = new StringBuilder();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object item : registrations) {
                var registration = (org.springframework.security.oauth2.client.registration.ClientRegistration) item;
                links.append("<p><a class=\"button\" href=\"/oauth2/authorization/")
                        .append(HtmlUtils.htmlEscape(registration.getRegistrationId()))
                        .append("\">Sign in with ")
                        .append(HtmlUtils.htmlEscape(registration.getClientName()))
                        .append("</a></p>");
            }
        }
        return links.toString();
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String loginPage(CsrfToken csrf, jakarta.servlet.http.HttpServletRequest request) {
        String message = request.getParameter("error") != null
                ? "<p class=\"error\" role=\"alert\">Sign-in failed: wrong username or password, or the account is"
                        + " locked for 15 minutes after 5 failed attempts.</p>"
                : request.getParameter("logout") != null
                        ? "<p class=\"notice\" role=\"status\">You are signed out.</p>"
                        : "";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Sign in – RCC placements</title>
                  <link rel="stylesheet" href="/css/app.css">
                </head>
                <body class="login">
                  <main>
                    <h1>RCC placements and sufficiency</h1>
                    %s
                    %s
                    <form method="post" action="/login">
                      <label for="username">Username</label>
                      <input id="username" name="username" autocomplete="username" required autofocus>
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      <input type="hidden" name="%s" value="%s">
                      <button type="submit">Sign in</button>
                    </form>
                  </main>
                </body>
                </html>
                """.formatted(
                        message,
                        oidcLinks(),
                        HtmlUtils.htmlEscape(csrf.getParameterName()),
                        HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
