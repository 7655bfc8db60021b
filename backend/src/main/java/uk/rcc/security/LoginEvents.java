package uk.rcc.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import uk.rcc.audit.AuditLog;

/** Audits every sign-in and failed sign-in; counts failures towards a lock-out and clears them on success. */
@Component
class LoginEvents {
    private final AccountStore accounts;
    private final AuditLog audit;
    private final TwoFactorAccounts twoFactor;

    LoginEvents(AccountStore accounts, AuditLog audit, TwoFactorAccounts twoFactor) {
        this.accounts = accounts;
        this.audit = audit;
        this.twoFactor = twoFactor;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.recordFailedLogin(username);
        }
        audit.record(
                username, "LOGIN_FAILED", null, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.recordSuccessfulLogin(username);
        // an account with a second factor is signed in only once its code is right (TwoFactorSignIn)
        boolean codeToCome =
                event.getAuthentication().getPrincipal() instanceof RccUser user && twoFactor.needsSecondFactor(user);
        audit.record(username, codeToCome ? "LOGIN_PASSWORD_ACCEPTED" : "LOGIN", null, null);
    }
}
