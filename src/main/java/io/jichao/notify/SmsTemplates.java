package io.jichao.notify;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * SMS texts: keys {@code sms.*} of the i18n bundles ({@code vaadin-i18n/translations_*}), one text
 * per language, with named placeholders such as {@code {amount}} filled from the caller's values.
 * Languages are tags: {@code zh-CN} (default and fallback) and {@code en}.
 */
@Component
class SmsTemplates {

    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    /** A known language tag for {@code requested}, or the default. */
    static String language(String requested, String fallback) {
        if (requested != null && requested.toLowerCase(Locale.ROOT).startsWith("en")) {
            return "en";
        }
        if (requested != null && requested.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return "zh-CN";
        }
        return fallback;
    }

    /** The text of {@code key} in {@code language} with every placeholder filled; refuses a missing value. */
    String render(String key, String language, Map<String, String> values) {
        if (!key.startsWith("sms.")) {
            throw new IllegalArgumentException("SMS template keys start with \"sms.\": " + key);
        }
        String template;
        try {
            template = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No SMS template " + key, e);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("SMS template " + key + " needs a value for {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
