package uk.rcc.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.rcc.security.Viewer;

/**
 * What the web UI needs to draw itself: who is signed in (role and council, to choose the pages shown) and the map
 * tiles to use. The tile URL is empty by default so the UI works without the internet on its bundled base layer.
 */
@RestController
class UiSessionController {
    private final String tileUrl;
    private final String tileAttribution;

    UiSessionController(
            @Value("${rcc.map.tile-url:}") String tileUrl,
            @Value("${rcc.map.tile-attribution:}") String tileAttribution) {
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    record MapConfig(String tileUrl, String tileAttribution) {}

    record UiSession(String username, String role, String authorityCode, MapConfig map) {}

    @GetMapping("/api/ui-session")
    UiSession session() {
        Viewer viewer = Viewer.current();
        return new UiSession(
                viewer.username(),
                viewer.role().name(),
                viewer.authorityCode(),
                new MapConfig(tileUrl.isBlank() ? null : tileUrl, tileAttribution.isBlank() ? null : tileAttribution));
    }
}
