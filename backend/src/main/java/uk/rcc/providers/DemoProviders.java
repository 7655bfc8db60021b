package uk.rcc.providers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo co-operative's provider organisations: two independent fostering agencies, an independent children's
 * home provider and each member council's in-house fostering team. Homes are shared among them by their kind of
 * provider and a hash of their id (so the same every time), and about one home in eight has a vacancy last
 * confirmed 3 to 8 weeks ago, so the stale flags have something to show. Demo accounts {@code provider} (the first
 * agency) and {@code provider2} (the children's home provider) belong to two different independent providers.
 */
@Component
public class DemoProviders {
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public DemoProviders(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public void load(String password) {
        jdbc.update("""
                INSERT INTO provider_org (provider_org_id, name, kind) VALUES
                    ('fellside-fostering', 'Fellside Fostering (demo)', 'INDEPENDENT_FOSTERING_AGENCY'),
                    ('northern-foster-care', 'Northern Foster Care (demo)', 'INDEPENDENT_FOSTERING_AGENCY'),
                    ('tyne-valley-homes', 'Tyne Valley Children''s Homes (demo)', 'CHILDRENS_HOME_PROVIDER')
                ON CONFLICT DO NOTHING""");
        jdbc.update("""
                INSERT INTO provider_org (provider_org_id, name, kind)
                SELECT 'in-house-' || authority_code, name || ' in-house fostering (demo)', 'COUNCIL_IN_HOUSE'
                FROM authority ON CONFLICT DO NOTHING""");
        jdbc.update("""
                UPDATE home SET provider_org_id = CASE
                    WHEN provider = 'INDEPENDENT' AND kind = 'FOSTER' THEN
                        CASE WHEN abs(hashtext(home_id)) % 2 = 0 THEN 'fellside-fostering' ELSE 'northern-foster-care' END
                    WHEN provider = 'INDEPENDENT' THEN 'tyne-valley-homes'
                    WHEN provider = 'IN_HOUSE' AND kind = 'FOSTER' THEN 'in-house-' || authority_code
                    END
                WHERE provider_org_id IS NULL
                  AND (provider = 'INDEPENDENT' OR authority_code IN (SELECT authority_code FROM authority))""");
        jdbc.update("""
                UPDATE home SET vacancy_confirmed_at = now() - make_interval(days => CASE
                    WHEN abs(hashtext(home_id || 'stale')) % 8 = 0 THEN 21 + abs(hashtext(home_id)) % 35
                    ELSE abs(hashtext(home_id)) % 10 END)""");
        account("provider", password, "fellside-fostering", "Fellside Fostering, placements team");
        account("provider2", password, "tyne-valley-homes", "Tyne Valley Children's Homes, referrals manager");
    }

    private void account(String username, String password, String providerOrgId, String displayName) {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, role, provider_org_id, display_name)
                VALUES (?, ?, 'PROVIDER', ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = 'PROVIDER',
                    authority_code = NULL, provider_org_id = EXCLUDED.provider_org_id,
                    display_name = EXCLUDED.display_name""", username, passwords.encode(password), providerOrgId, displayName);
    }
}
