package dev.sluice.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module arrows of docs/ARCHITECTURE.md and the test hygiene rules, checked on the bytecode. */
class ArchitectureTest {

    private static JavaClasses main;
    private static JavaClasses tests;

    /** Which Sluice packages each module may use besides its own and core. */
    private static final Map<String, String[]> ALLOWED = Map.of(
            "cache",
            new String[] {},
            "purge",
            new String[] {"cache"},
            "content",
            new String[] {},
            "control",
            new String[] {},
            "dialect",
            new String[] {"purge", "cache", "content", "control"},
            "edge",
            new String[] {"cache", "content"},
            "api",
            new String[] {"purge", "cache", "dialect", "content", "control"},
            "persistence",
            new String[] {"content", "purge", "cache", "control"});

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sluice");
        // Every module's compiled tests: the reactor builds them before this module.
        List<Path> testDirs = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            modules.map(m -> m.resolve("target/test-classes"))
                    .filter(Files::isDirectory)
                    .forEach(testDirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tests = new ClassFileImporter().importPaths(testDirs);
    }

    @Test
    void coreDependsOnNothingOfSluice() {
        noClasses()
                .that()
                .resideInAPackage("dev.sluice.core..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.sluice.core..", "java..", "org.jspecify..")
                .check(main);
    }

    @Test
    void modulesFollowTheArrows() {
        String[] modules = {"cache", "purge", "content", "control", "dialect", "edge", "api", "persistence", "server"};
        ALLOWED.forEach((module, allowed) -> {
            for (String other : modules) {
                if (other.equals(module) || java.util.Arrays.asList(allowed).contains(other)) {
                    continue;
                }
                noClasses()
                        .that()
                        .resideInAPackage("dev.sluice." + module + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("dev.sluice." + other + "..")
                        .because(module + " may not use " + other)
                        .check(main);
            }
        });
    }

    @Test
    void theDataPlaneNeverReachesIntoTheControlPlane() {
        noClasses()
                .that()
                .resideInAPackage("dev.sluice.edge..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.sluice.control..", "dev.sluice.api..", "dev.sluice.dialect..", "dev.sluice.persistence..")
                .check(main);
    }

    @Test
    void jettyStaysInTheHttpModules() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.sluice.edge..", "dev.sluice.api..", "dev.sluice.testing..", "dev.sluice.server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jetty..")
                .check(main);
    }

    @Test
    void vendorDialectsNeverImportEachOther() {
        SlicesRuleDefinition.slices()
                .matching("dev.sluice.dialect.(*)..")
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void everyModulesTestsAreChecked() {
        org.assertj.core.api.Assertions.assertThat(tests.containPackage("dev.sluice.it"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(tests.size()).isGreaterThan(20);
    }

    @Test
    void noTestIsSkipped() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.junit.jupiter.api.Disabled")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.junit.jupiter.api.Assumptions")
                .because("a skipped test hides a failure")
                .check(tests);
    }
}
