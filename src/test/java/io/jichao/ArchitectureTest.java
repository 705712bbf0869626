package io.jichao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The dependency rules of docs/architecture.md, kept by the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jichao");
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("io.jichao.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void protocol_core_depends_on_the_jdk_only() {
        classes().that().resideInAPackage("io.jichao.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.jichao.protocol..", "java..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_engine_never_depends_on_the_simulator() {
        noClasses().that().resideInAPackage("io.jichao.collection..")
                .should().dependOnClassesThat().resideInAPackage("io.jichao.simulator..")
                .check(classes);
    }

    @Test
    void the_simulator_runs_without_spring() {
        noClasses().that().resideInAPackage("io.jichao.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void views_never_use_repositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(classes);
    }

    @Test
    void repositories_stay_inside_their_feature() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should().notBePublic()
                .check(classes);
    }

    @Test
    void the_shared_kernel_depends_on_no_feature() {
        noClasses().that().resideInAPackage("io.jichao.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.jichao.archive..", "io.jichao.security..", "io.jichao.ui..", "io.jichao.demo..",
                        "io.jichao.home..", "io.jichao.admin..", "io.jichao.collection..", "io.jichao.simulator..",
                        "io.jichao.notify..", "io.jichao.alarm..", "io.jichao.faultmap..", "io.jichao.prepaid..",
                        "io.jichao.audit..", "io.jichao.protocol..")
                .check(classes);
    }
}
