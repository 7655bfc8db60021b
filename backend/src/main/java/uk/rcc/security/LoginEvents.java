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

    LoginEvents(AccountStore accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.recordFailedLogin(username);
        }
        audit.record(username, "LOGIN_FAILED", null, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.recordSuccessfulLogin(username);
        audit.record(username, "LOGIN", null, null);
    }
}
