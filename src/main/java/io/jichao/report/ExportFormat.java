package io.jichao.report;

/** How a report is downloaded or mailed. */
public enum ExportFormat {
    XLSX("xlsx", ReportRenderer.XLSX_TYPE),
    PDF("pdf", ReportRenderer.PDF_TYPE);

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
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
