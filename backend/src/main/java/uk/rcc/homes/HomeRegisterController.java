package uk.rcc.homes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.rcc.security.Viewer;

/**
 * Commissioners manage the homes register: add, change and close homes (checked by the import's rules), and see
 * the homes whose vacancies have not been confirmed lately. Everyone else is refused (403).
 */
@RestController
@RequestMapping("/api/register")
@PreAuthorize("hasRole('COMMISSIONER')")
class HomeRegisterController {
    private final HomeEditor homes;

    HomeRegisterController(HomeEditor homes) {
        this.homes = homes;
    }

    /** A home's fields; left out (null) leaves a field as it is when changing, and is missing when adding. */
    record HomeFields(
            @Size(max = 200) String name,
            @Size(max = 40) String kind,
            @Size(max = 40) String provider,
            @Size(max = 20) String authorityCode,
            Double lat,
            Double lon,
            Integer places,
            Integer minAge,
            Integer maxAge,
            @Size(max = 10) String sexes,
            List<@NotNull @Size(max = 40) String> needsMet,
            Boolean pets,
            Double weeklyCost,
            Availability availability,
            LocalDate availableFrom,
            @Size(max = 64) String providerOrgId) {

        HomeEditor.Changes changes() {
            return new HomeEditor.Changes(
                    name,
                    kind,
                    provider,
                    authorityCode,
                    lat,
                    lon,
                    places,
                    minAge,
                    maxAge,
                    sexes,
                    needsMet,
                    pets,
                    weeklyCost,
                    availability,
                    availableFrom,
                    providerOrgId);
        }
    }

    record NewHome(
            @NotBlank @Size(max = 64) String homeId,
            @NotNull @Valid HomeFields home) {}

    @PostMapping("/homes")
    @ResponseStatus(HttpStatus.CREATED)
    ManagedHome add(@Valid @RequestBody NewHome body) {
        return homes.create(Viewer.current(), body.homeId(), body.home().changes());
    }

    record HomeChange(Integer version, @NotNull @Valid HomeFields home) {}

    @GetMapping("/homes/{homeId}")
    ManagedHome home(@PathVariable String homeId) {
        return homes.read(homeId);
    }

    @PatchMapping("/homes/{homeId}")
    ManagedHome change(@PathVariable String homeId, @Valid @RequestBody HomeChange body) {
        if (body.home().availableFrom() != null && body.home().availability() == null) {
            throw new IllegalArgumentException("availableFrom is given with availability");
        }
        return homes.change(
                Viewer.current(),
                HomeEditor.Scope.ALL,
                homeId,
                body.version(),
                body.home().changes(),
                "CHANGE_HOME");
    }

    record Closing(Integer version) {}

    @PostMapping("/homes/{homeId}/close")
    ManagedHome close(@PathVariable String homeId, @RequestBody(required = false) Closing body) {
        return homes.close(Viewer.current(), homeId, body == null ? null : body.version());
    }

    /** Homes whose vacancies have not been confirmed for longer than the configured days, oldest first. */
    @GetMapping("/stale-vacancies")
    List<ManagedHome> staleVacancies() {
        return homes.stale();
    }
}
