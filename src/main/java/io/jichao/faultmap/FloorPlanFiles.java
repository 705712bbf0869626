package io.jichao.faultmap;

import io.jichao.shared.DomainException;

/** Tells a floor plan's format by its content and checks it; anything but PNG or SVG is refused. */
public final class FloorPlanFiles {

    /** Upper bound of a plan file; the upload refuses more before it reaches the service. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private FloorPlanFiles() {
    }

    public static PlanImage check(byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainException("faultmap.error.plan.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainException("faultmap.error.plan.too.big", MAX_BYTES / (1024 * 1024));
        }
        if (PngPlans.looksLikePng(content)) {
            return PngPlans.check(content);
        }
        if (SvgPlans.looksLikeXml(content)) {
            return SvgPlans.check(content);
        }
        throw new DomainException("faultmap.error.plan.type");
    }
}
