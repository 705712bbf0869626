package io.jichao.shared;

import java.util.Arrays;

/**
 * A refusal a person should read: carries an i18n message key and its arguments so that
 * the view shows it in the operator's language. The English text is kept for logs.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public DomainException(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
