package io.jichao.faultmap;

/** A checked floor plan ready to store: its format, natural size in pixels and (for SVG, sanitised) bytes. */
public record PlanImage(PlanFormat format, int width, int height, byte[] content) {

    public PlanImage {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
