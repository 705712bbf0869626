package io.jichao.statement;

/**
 * What a district batch produces: a ZIP with one PDF per household, or all statements merged into
 * one PDF (faster: the embedded font is written once instead of once per household).
 */
public enum BatchFormat {
    ZIP("zip", "application/zip"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String contentType;

    BatchFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
