package io.jichao.shared.report;

/** A rendered report, ready to attach to an e-mail or download. */
public record ReportFile(String fileName, String contentType, byte[] content) {
}
