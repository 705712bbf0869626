package io.jichao.faultmap;

/** The image formats a floor plan may have; told apart by content, never by file name. */
public enum PlanFormat {
    SVG("image/svg+xml"),
    PNG("image/png");

    private final String mimeType;

    PlanFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }
}
