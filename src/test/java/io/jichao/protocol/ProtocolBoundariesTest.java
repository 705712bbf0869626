package io.jichao.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The protocol cores depend on the JDK only; the Netty adapters on Netty and the cores only. */
class ProtocolBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jichao.protocol", "io.jichao.collection.codec");
    }

    @Test
    void protocol_packages_use_nothing_but_the_jdk() {
        classes().that().resideInAPackage("io.jichao.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.jichao.protocol..")
                .check(classes);
    }

    @Test
    void codec_package_uses_only_netty_and_the_protocol_packages() {
        classes().that().resideInAPackage("io.jichao.collection.codec")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.netty..", "io.jichao.protocol..", "io.jichao.collection.codec")
                .check(classes);
    }
}
