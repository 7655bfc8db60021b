package uk.rcc.placement;

/** The decision cannot be made as things stand now (for example the last place was just taken). */
public class PlacementConflictException extends RuntimeException {
    public PlacementConflictException(String message) {
        super(message);
    }
}
