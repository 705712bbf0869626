package io.jichao.protocol.dlt645;

/**
 * A frame or value that does not follow DL/T 645: bad BCD digits, wrong lengths, a request where
 * an answer was expected. Unchecked because callers on the collection path treat it as one more
 * kind of failed reading rather than something to recover from locally.
 */
public class Dlt645FormatException extends IllegalArgumentException {

    public Dlt645FormatException(String message) {
        super(message);
    }
}
