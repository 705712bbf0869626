package io.jichao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every user-facing string exists in Chinese and English, and every key the code uses exists. */
class TranslationBundlesTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|Notifications\\.success|new DomainException|new NavigationEntry\\(\\d+,)\\s*\\(?\\s*\"([a-z][a-z0-9_.-]*[a-z0-9])\"");

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void chinese_and_english_bundles_have_the_same_keys() {
        Properties chinese = bundle("translations_zh_CN.properties");
        Properties english = bundle("translations_en.properties");
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
    }

    @Test
    void the_fallback_bundle_is_the_chinese_one() {
        assertThat(bundle("translations.properties")).isEqualTo(bundle("translations_zh_CN.properties"));
    }

    /** Technical names that read the same in both languages. */
    private static final Set<String> SAME_IN_BOTH = Set.of("protocol.MODBUS_RTU", "enum.MeterProtocol.MODBUS_RTU");

    @Test
    void chinese_texts_are_really_chinese_where_english_has_words() {
        Properties chinese = bundle("translations_zh_CN.properties");
        Properties english = bundle("translations_en.properties");
        Set<String> untranslated = new HashSet<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            if (en.matches(".*[A-Za-z]{4,}.*") && en.equals(chinese.getProperty(key)) && !SAME_IN_BOTH.contains(key)) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("keys whose Chinese text is the English one").isEmpty();
    }

    @Test
    void every_literal_key_used_in_the_code_exists() throws IOException {
        Set<String> known = bundle("translations_en.properties").stringPropertyNames();
        Set<String> missing = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(matcher.group(1) + " in " + source.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
