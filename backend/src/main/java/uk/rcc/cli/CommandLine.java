package uk.rcc.cli;

/**
 * What every command returns to the shell. The commands themselves live with their capability and are chosen by
 * {@code uk.rcc.Commands}; they depend on this package, never the other way round.
 */
public final class CommandLine {
    /** Returned by the dispatcher when the web server keeps the process alive. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int USAGE = 64;

    private CommandLine() {}
}
