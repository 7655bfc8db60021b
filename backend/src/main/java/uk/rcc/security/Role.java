package uk.rcc.security;

/** What a signed-in person may do; see the README's security section for the full table. */
public enum Role {
    /** A placement officer of one council: that council's children only. */
    OFFICER,
    /** A co-operative commissioner: runs matching, sees all children pseudonymously, manages homes and imports. */
    COMMISSIONER,
    /** A board member: forecasts, sufficiency reports and aggregate figures only. */
    BOARD,
    /** An administrator: users, roles and the audit log. */
    ADMIN,
    /** A provider organisation's staff: that organisation's homes and anonymised referrals only (uk.rcc.providers). */
    PROVIDER;

    public String authority() {
        return "ROLE_" + name();
    }
}
