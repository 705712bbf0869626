package io.jichao.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jichao.prepaid.LedgerKind;

/**
 * A statement labels each ledger line by its kind from the bundles ({@code statement.kind.*}); a
 * kind without a label would make the whole statement fail to render, so every kind has one.
 */
class StatementKindLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void every_ledger_kind_has_a_statement_label_in_every_language(String language) {
        ResourceBundle labels = StatementRenderer.labels(Locale.forLanguageTag(language));
        for (LedgerKind kind : LedgerKind.values()) {
            assertThat(labels.containsKey("statement.kind." + kind.name())).as(kind + " in " + language).isTrue();
        }
    }
}
