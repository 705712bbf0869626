package io.jichao.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The outbox serves alarms and the engine's confirmations without knowing either. */
class NotifyArchitectureTest {

    @Test
    void the_outbox_depends_on_neither_alarms_nor_the_collection_engine() {
        noClasses().that().resideInAPackage("io.jichao.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jichao.alarm..", "io.jichao.collection..",
                        "io.jichao.prepaid..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.jichao.notify"));
    }
}
