package uk.rcc.imports;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;

@Component
public class ImportCommand {
    public int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("not available yet");
        return 1;
    }
}
