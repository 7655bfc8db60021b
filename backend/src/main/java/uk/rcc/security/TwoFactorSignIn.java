package uk.rcc.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import uk.rcc.audit.AuditLog;

/**
 * The step after a correct password. An account that needs a second factor is not signed in yet: the session only
 * remembers, for five minutes, who passed the password, and the code page (or, not yet enrolled, the enrolment
 * page) signs them in once the code is right. Other accounts are signed in at once, as before. OpenID Connect
 * sign-ins never pass here: the identity provider owns their factors.
 */
@Component
class TwoFactorSignIn implements AuthenticationSuccessHandler {
    static final Duration PENDING_FOR = Duration.ofMinutes(5);
    private static final String PENDING = TwoFactorSignIn.class.getName() + ".PENDING";

    /** Who passed the password, and when. */
    record Pending(String username, Instant at) implements Serializable {}

    private final TwoFactorAccounts twoFactor;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler signedIn =
            new SavedRequestAwareAuthenticationSuccessHandler();

    TwoFactorSignIn(TwoFactorAccounts twoFactor, AccountStore accounts, AuditLog audit) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.audit = audit;
        signedIn.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (!(authentication.getPrincipal() instanceof RccUser user) || !twoFactor.needsSecondFactor(user)) {
            signedIn.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        SecurityContext nobody = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(nobody);
        contexts.saveContext(nobody, request, response);
        request.getSession().setAttribute(PENDING, new Pending(user.username(), Instant.now()));
        response.sendRedirect(twoFactor.enrolled(user.username()) ? "/login/code" : "/login/enrol");
    }

    /** The account waiting for its code in this session, if it passed its password less than five minutes ago. */
    Optional<String> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(PENDING) instanceof Pending pending
                && pending.at().plus(PENDING_FOR).isAfter(Instant.now())) {
            return Optional.of(pending.username());
        }
        return Optional.empty();
    }

    void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /** Both factors passed: signs the account in, with a new session id, and audits the sign-in. */
    void complete(HttpServletRequest request, HttpServletResponse response, String username) {
        RccUser user = (RccUser) accounts.loadUserByUsername(username);
        if (!user.isEnabled() || !user.isAccountNonLocked()) {
            forget(request);
            throw new org.springframework.security.authentication.LockedException("account locked or disabled");
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        forget(request);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        accounts.recordSuccessfulLogin(username);
        audit.record(username, "LOGIN", null, "two-factor");
    }
}
