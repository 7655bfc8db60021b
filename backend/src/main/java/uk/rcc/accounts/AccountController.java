package uk.rcc.accounts;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.rcc.providers.ProviderOrgs;
import uk.rcc.security.Role;
import uk.rcc.security.Viewer;

/** Accounts for administrators; one's own password for everyone with a local account. */
@RestController
class AccountController {
    private final AccountAdmin accounts;
    private final PasswordChange passwordChange;
    private final ProviderOrgs orgs;

    AccountController(AccountAdmin accounts, PasswordChange passwordChange, ProviderOrgs orgs) {
        this.accounts = accounts;
        this.passwordChange = passwordChange;
        this.orgs = orgs;
    }

    @GetMapping("/api/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountAdmin.Account> list() {
        return accounts.list();
    }

    record NewAccount(
            @NotBlank @Size(max = 64) String username,
            @Size(max = 200) String displayName,
            @NotNull Role role,
            @Size(max = 20) String authorityCode,
            @Size(max = 64) String providerOrgId,
            @NotNull @Size(max = 200) String password) {}

    @PostMapping("/api/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    AccountAdmin.Account create(@Valid @RequestBody NewAccount body) {
        return accounts.create(
                Viewer.current(),
                body.username(),
                body.displayName(),
                body.role(),
                body.authorityCode(),
                body.providerOrgId(),
                body.password());
    }

    record RoleChange(
            @NotNull Role role,
            @Size(max = 20) String authorityCode,
            @Size(max = 64) String providerOrgId) {}

    @PutMapping("/api/accounts/{username}/role")
    @PreAuthorize("hasRole('ADMIN')")
    AccountAdmin.Account changeRole(@PathVariable String username, @Valid @RequestBody RoleChange body) {
        return accounts.changeRole(Viewer.current(), username, body.role(), body.authorityCode(), body.providerOrgId());
    }

    @PostMapping("/api/accounts/{username}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    AccountAdmin.Account disable(@PathVariable String username) {
        return accounts.disable(Viewer.current(), username);
    }

    @PostMapping("/api/accounts/{username}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    AccountAdmin.Account enable(@PathVariable String username) {
        return accounts.enable(Viewer.current(), username);
    }

    @PostMapping("/api/accounts/{username}/unlock")
    @PreAuthorize("hasRole('ADMIN')")
    AccountAdmin.Account unlock(@PathVariable String username) {
        return accounts.unlock(Viewer.current(), username);
    }

    record PasswordReset(@NotNull @Size(max = 200) String password) {}

    @PostMapping("/api/accounts/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    AccountAdmin.Account resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset body) {
        return accounts.resetPassword(Viewer.current(), username, body.password());
    }

    @GetMapping("/api/provider-orgs")
    @PreAuthorize("hasAnyRole('ADMIN', 'COMMISSIONER')")
    List<ProviderOrgs.ProviderOrg> providerOrgs() {
        return orgs.all();
    }

    record OwnPassword(
            @NotNull @Size(max = 200) String currentPassword,
            @NotNull @Size(max = 200) String newPassword) {}

    @PostMapping("/api/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwnPassword(@Valid @RequestBody OwnPassword body, HttpSession session) {
        passwordChange.change(Viewer.current(), body.currentPassword(), body.newPassword(), session);
    }
}
