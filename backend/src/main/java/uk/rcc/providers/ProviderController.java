package uk.rcc.providers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.rcc.homes.Availability;
import uk.rcc.homes.HomeEditor;
import uk.rcc.homes.ManagedHome;
import uk.rcc.security.Viewer;

/**
 * A provider's own homes and the referrals offered to it. Another organisation's home answers 404, as if it did
 * not exist; every other role is refused (403).
 */
@RestController
@RequestMapping("/api/provider")
@PreAuthorize("hasRole('PROVIDER')")
class ProviderController {
    private final HomeEditor homes;
    private final ProviderOrgs orgs;
    private final ProviderReferrals referrals;

    ProviderController(HomeEditor homes, ProviderOrgs orgs, ProviderReferrals referrals) {
        this.homes = homes;
        this.orgs = orgs;
        this.referrals = referrals;
    }

    @GetMapping("/homes")
    List<ManagedHome> homes() {
        return homes.ofProvider(orgs.scopeOf(Viewer.current()).providerOrgId());
    }

    /** {@code version}, when given, must be the home's version as read: otherwise 409. */
    record Confirmation(Integer version) {}

    @PostMapping("/homes/{homeId}/confirmation")
    ManagedHome confirm(@PathVariable String homeId, @RequestBody(required = false) Confirmation body) {
        Viewer viewer = Viewer.current();
        return homes.confirm(viewer, orgs.scopeOf(viewer), homeId, body == null ? null : body.version());
    }

    /**
     * What a provider keeps current; a field left out (null) stays as it is. {@code availableFrom} goes with
     * {@code availability} (a place free from that date; none means free now).
     */
    record VacancyChange(
            Integer version,
            Integer places,
            Availability availability,
            LocalDate availableFrom,
            Integer minAge,
            Integer maxAge,
            String sexes,
            List<@NotNull @Size(max = 40) String> needsMet,
            Boolean pets) {}

    @PatchMapping("/homes/{homeId}")
    ManagedHome change(@PathVariable String homeId, @Valid @RequestBody VacancyChange body) {
        Viewer viewer = Viewer.current();
        if (body.availableFrom() != null && body.availability() == null) {
            throw new IllegalArgumentException("availableFrom is given with availability");
        }
        HomeEditor.Changes changes = new HomeEditor.Changes(
                null,
                null,
                null,
                null,
                null,
                null,
                body.places(),
                body.minAge(),
                body.maxAge(),
                body.sexes(),
                body.needsMet(),
                body.pets(),
                null,
                body.availability(),
                body.availableFrom(),
                null);
        return homes.change(viewer, orgs.scopeOf(viewer), homeId, body.version(), changes, "PROVIDER_CHANGE_HOME");
    }

    @GetMapping("/referrals")
    List<ProviderReferrals.Referral> referrals() {
        return referrals.forProvider(Viewer.current());
    }

    record ReferralAnswer(
            @NotNull ProviderReferrals.Answer answer,
            @Size(max = 64) String homeId,
            @Size(max = 2000) String note) {}

    @PostMapping("/referrals/{reference}/answer")
    ProviderReferrals.YourAnswer answer(@PathVariable UUID reference, @Valid @RequestBody ReferralAnswer body) {
        return referrals.answer(Viewer.current(), reference, body.answer(), body.homeId(), body.note());
    }
}
