package uk.rcc.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in account with its role and, for officers, their council. */
public record RccUser(
        String username, String passwordHash, Role role, String authorityCode, boolean enabled, boolean locked)
        implements UserDetails, HasViewer {

    @Override
    public Viewer viewer() {
        return new Viewer(username, role, authorityCode);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "RccUser[" + username + ", " + role + "]";
    }
}
