package uk.rcc.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package structure is kept by a test, not by memory: no package of the service depends on itself round a cycle. */
class PackageCyclesTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.rcc");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        // every package its own slice, sub-packages included: uk.rcc.matching and uk.rcc.matching.planning differ
        slices().matching("uk.rcc.(**)").should().beFreeOfCycles().check(SERVICE);
    }
}
